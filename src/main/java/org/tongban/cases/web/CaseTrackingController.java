package org.tongban.cases.web;

import java.time.Duration;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.tongban.cases.CaseTracking;
import org.tongban.shared.Problem;
import org.tongban.shared.RateLimits;

/**
 * 办件进度查询 without signing in: the page {@code /track} (a form posting number and query code, so the code
 * stays out of addresses and logs) and {@code GET /api/public/cases/{number}?code=}. An unknown number and a wrong
 * code get the same 404. Each address may look up 30 times a minute ({@code tongban.rate-limits.case-track.*}),
 * counted before the lookup, found or not.
 */
@Controller
class CaseTrackingController {

	static final String NOT_FOUND = "未找到与该办件编号和查询码相符的办件，请核对后重新输入。";

	private final CaseTracking tracking;
	private final RateLimits rateLimits;
	private final RateLimits.Limit limit;

	CaseTrackingController(CaseTracking tracking, RateLimits rateLimits) {
		this.tracking = tracking;
		this.rateLimits = rateLimits;
		this.limit = rateLimits.limit("case-track", 30, Duration.ofMinutes(1));
	}

	/** The form; {@code number} fills it in (a link from a case page or a notice). */
	@GetMapping("/track")
	String form(@RequestParam(required = false) String number, Model model) {
		model.addAttribute("number", number == null ? "" : number.strip());
		return "cases/track";
	}

	@PostMapping("/track")
	String lookUp(@RequestParam(required = false) String number, @RequestParam(required = false) String code,
			HttpServletRequest request, HttpServletResponse response, Model model) {
		rateLimits.check(limit, request);
		model.addAttribute("number", number == null ? "" : number.strip());
		tracking.track(number, code).ifPresentOrElse(p -> model.addAttribute("progress", p), () -> {
			response.setStatus(HttpStatus.NOT_FOUND.value());
			model.addAttribute("error", NOT_FOUND);
		});
		return "cases/track";
	}

	@GetMapping("/api/public/cases/{number}")
	@ResponseBody
	CaseTracking.Progress api(@PathVariable String number, @RequestParam(required = false) String code,
			HttpServletRequest request) {
		rateLimits.check(limit, request);
		return tracking.track(number, code).orElseThrow(() -> Problem.notFound(NOT_FOUND));
	}
}
