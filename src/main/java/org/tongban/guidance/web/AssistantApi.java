package org.tongban.guidance.web;

import java.time.Duration;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.tongban.guidance.Answer;
import org.tongban.guidance.Assistant;
import org.tongban.shared.RateLimits;

/** {@code POST /api/assistant/ask} with {@code {"question": "…"}}: public, answers only from published guides. */
@RestController
class AssistantApi {

	private final Assistant assistant;
	private final RateLimits rateLimits;
	private final RateLimits.Limit limit;

	AssistantApi(Assistant assistant, RateLimits rateLimits) {
		this.assistant = assistant;
		this.rateLimits = rateLimits;
		this.limit = assistantLimit(rateLimits);
	}

	/** Questions, API and page together (an answer may call a model): 30 a minute per address ({@code tongban.rate-limits.assistant.*}). */
	static RateLimits.Limit assistantLimit(RateLimits rateLimits) {
		return rateLimits.limit("assistant", 30, Duration.ofMinutes(1));
	}

	record Ask(String question) {
	}

	@PostMapping("/api/assistant/ask")
	Answer ask(@RequestBody(required = false) Ask ask, HttpServletRequest request) {
		rateLimits.check(limit, request);
		return assistant.ask(ask == null ? null : ask.question());
	}
}
