package org.tongban.guidance.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.tongban.guidance.Assistant;

/**
 * The assistant's page, {@code /assistant}: a question form that htmx posts for the answer fragment, and that
 * without JavaScript posts the ordinary way and gets the whole page with the answer.
 */
@Controller
class AssistantPages {

	private final Assistant assistant;

	AssistantPages(Assistant assistant) {
		this.assistant = assistant;
	}

	@GetMapping("/assistant")
	String page() {
		return "guidance/assistant";
	}

	@PostMapping("/assistant")
	String ask(@RequestParam(required = false) String question,
			@RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
		model.addAttribute("question", question);
		if (question == null || question.codePoints().noneMatch(Character::isLetterOrDigit)) {
			model.addAttribute("error", "请输入您要咨询的问题，例如“换医院了护士证怎么办”。");
		}
		else {
			model.addAttribute("answer", assistant.ask(question));
		}
		return htmx != null ? "guidance/assistant :: answer" : "guidance/assistant";
	}
}
