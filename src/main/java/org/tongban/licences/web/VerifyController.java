package org.tongban.licences.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.tongban.licences.Licence;
import org.tongban.licences.Licences;
import org.tongban.shared.Problem;

/**
 * Public verification (no sign-in) by number and check code, the page the QR code opens and the same as
 * JSON. An unknown number and a wrong code get the same 404.
 */
@Controller
class VerifyController {

	static final String NOT_FOUND = "未找到与该编号和核验码相符的证照。";

	private final Licences licences;
	private final VerifyRateLimit limit;

	VerifyController(Licences licences, VerifyRateLimit limit) {
		this.licences = licences;
		this.limit = limit;
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
		limit.check(request);
		Licence l = licences.verify(number, code).orElseThrow(() -> Problem.notFound(NOT_FOUND));
		return PublicLicenceView.of(l, licences.status(l));
	}
}
