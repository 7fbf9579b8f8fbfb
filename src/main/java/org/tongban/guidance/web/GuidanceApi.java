package org.tongban.guidance.web;

import java.util.List;
import java.util.Map;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.tongban.guidance.Guidance;
import org.tongban.guidance.GuidanceResult;
import org.tongban.guidance.Prefill;
import org.tongban.identity.SignedInUser;
import org.tongban.shared.Problem;

/**
 * {@code POST /api/guidance/{code}/answers} (public): the answers to the question tree, each an option's
 * label or 0-based index, lead to one situation and its material list.
 * {@code GET /api/guidance/prefill} (citizens and enterprises): what the registers know, with sources.
 */
@RestController
class GuidanceApi {

	private final Guidance guidance;

	GuidanceApi(Guidance guidance) {
		this.guidance = guidance;
	}

	record Answers(Map<String, String> answers) {
	}

	@PostMapping("/api/guidance/{code}/answers")
	GuidanceResult answer(@PathVariable String code, @RequestBody(required = false) Answers body) {
		if (body == null || body.answers() == null) {
			guidance.guide(code);
			throw Problem.invalid("answers", "请提交问题的回答，例如 {\"answers\": {\"kind\": \"0\"}}。");
		}
		return guidance.answer(code, body.answers());
	}

	@GetMapping("/api/guidance/prefill")
	@PreAuthorize("hasAnyRole('CITIZEN', 'ENTERPRISE')")
	Prefill prefill(@AuthenticationPrincipal SignedInUser me,
			@RequestParam(name = "exclude", required = false) List<String> exclude) {
		return guidance.prefill(me, Prefill.exclusions(exclude));
	}
}
