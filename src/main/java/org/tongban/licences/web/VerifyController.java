package org.tongban.licences.web;

import java.time.Duration;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.tongban.licences.IntegratedLicensing;
import org.tongban.licences.Licence;
import org.tongban.licences.Licences;
import org.tongban.shared.Problem;
import org.tongban.shared.RateLimits;

/**
 * Public verification (no sign-in) by number and check code, the page the QR code opens and the same as
 * JSON. An unknown number and a wrong code get the same 404. Each address may verify 30 times a minute
 * ({@code tongban.rate-limits.verify.*}).
 */
@Controller
class VerifyController {

	static final String NOT_FOUND = "未找到与该编号和核验码相符的证照。";

	private final Licences licences;
	private final IntegratedLicensing integrated;
	private final RateLimits rateLimits;
	private final RateLimits.Limit limit;

	VerifyController(Licences licences, IntegratedLicensing integrated, RateLimits rateLimits) {
		this.licences = licences;
		this.integrated = integrated;
		this.rateLimits = rateLimits;
		this.limit = rateLimits.limit("verify", 30, Duration.ofMinutes(1));
	}

	@GetMapping("/verify/{number}")
	String page(@PathVariable String number, @RequestParam(name = "c", required = false) String code,
			HttpServletRequest request, Model model) {
		model.addAttribute("licence", lookUp(number, code, request));
		return "licences/verify";
	}

	@GetMapping("/api/verify/{number}")
	@ResponseBody
	PublicLicenceView api(@PathVariable String number, @RequestParam(name = "c", required = false) String code,
			HttpServletRequest request) {
		return lookUp(number, code, request);
	}

	private PublicLicenceView lookUp(String number, String code, HttpServletRequest request) {
		rateLimits.check(limit, request);
		Licence l = licences.verify(number, code).orElseThrow(() -> Problem.notFound(NOT_FOUND));
		return PublicLicenceView.of(l, licences.status(l), integrated.parts(l.number()));
	}
}
