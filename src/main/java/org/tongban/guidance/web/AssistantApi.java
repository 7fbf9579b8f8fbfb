package org.tongban.guidance.web;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.tongban.guidance.Answer;
import org.tongban.guidance.Assistant;

/** {@code POST /api/assistant/ask} with {@code {"question": "…"}}: public, answers only from published guides. */
@RestController
class AssistantApi {

	private final Assistant assistant;

	AssistantApi(Assistant assistant) {
		this.assistant = assistant;
	}

	record Ask(String question) {
	}

	@PostMapping("/api/assistant/ask")
	Answer ask(@RequestBody(required = false) Ask ask) {
		return assistant.ask(ask == null ? null : ask.question());
	}
}
