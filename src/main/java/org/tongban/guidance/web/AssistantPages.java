package org.tongban.guidance.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.tongban.guidance.Assistant;
import org.tongban.shared.RateLimited;
import org.tongban.shared.RateLimits;

/**
 * The assistant's page, {@code /assistant}: a question form that htmx posts for the answer fragment, and that
 * without JavaScript posts the ordinary way and gets the whole page with the answer.
 */
@Controller
class AssistantPages {

	private final Assistant assistant;
	private final RateLimits rateLimits;
	private final RateLimits.Limit limit;

	AssistantPages(Assistant assistant, RateLimits rateLimits) {
		this.assistant = assistant;
		this.rateLimits = rateLimits;
		this.limit = AssistantApi.assistantLimit(rateLimits);
	}

	@GetMapping("/assistant")
	String page() {
		return "guidance/assistant";
	}

	@PostMapping("/assistant")
	String ask(@RequestParam(required = false) String question,
			@RequestHeader(name = "HX-Request", required = false) String htmx, Model model,
			HttpServletRequest request, HttpServletResponse response) {
		model.addAttribute("question", question);
		if (question == null || question.codePoints().noneMatch(Character::isLetterOrDigit)) {
			model.addAttribute("error", "请输入您要咨询的问题，例如“换医院了护士证怎么办”。");
		}
		else {
			try {
				rateLimits.check(limit, request);
				model.addAttribute("answer", assistant.ask(question));
			}
			catch (RateLimited e) {
				// the page with its form and the message, so the question typed is not lost
				response.setStatus(e.status().value());
				response.setHeader("Retry-After", Long.toString(e.retryAfterSeconds()));
				model.addAttribute("error", e.detail());
			}
		}
		return htmx != null ? "guidance/assistant :: answer" : "guidance/assistant";
	}
}
