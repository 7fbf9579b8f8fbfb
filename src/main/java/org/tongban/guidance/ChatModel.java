package org.tongban.guidance;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

import tools.jackson.databind.json.JsonMapper;

/**
 * An OpenAI-compatible {@code /chat/completions} endpoint, when one is configured
 * ({@code tongban.assistant.llm.base-url} and {@code .model}; the key from {@code TONGBAN_ASSISTANT_LLM_API_KEY}).
 * Any failure is an empty answer: the assistant then answers from the guides alone.
 */
@Component
class ChatModel {

	private static final Logger log = LoggerFactory.getLogger(ChatModel.class);

	private final String model;
	private final RestClient client;
	private final JsonMapper json;

	ChatModel(JsonMapper json, @Value("${tongban.assistant.llm.base-url:}") String baseUrl,
			@Value("${tongban.assistant.llm.model:}") String model,
			@Value("${tongban.assistant.llm.api-key:}") String apiKey,
			@Value("${tongban.assistant.llm.timeout:PT10S}") Duration timeout) {
		this.model = model;
		this.json = json;
		if (baseUrl.isBlank() || model.isBlank()) {
			this.client = null;
			return;
		}
		var factory = new JdkClientHttpRequestFactory(HttpClient.newBuilder()
			// HTTP/1.1: the h2c upgrade is refused by many local model servers
			.version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(3)).build());
		factory.setReadTimeout(timeout);
		RestClient.Builder builder = RestClient.builder().requestFactory(factory)
			.baseUrl(baseUrl.replaceAll("/+$", ""));
		if (!apiKey.isBlank()) {
			builder.defaultHeader("Authorization", "Bearer " + apiKey);
		}
		this.client = builder.build();
	}

	boolean configured() {
		return client != null;
	}

	/** The model's reply, or empty when not configured, on an error, a time-out or an empty reply. */
	Optional<String> complete(String system, String user) {
		if (client == null) {
			return Optional.empty();
		}
		try {
			String body = client.post().uri("/chat/completions").contentType(MediaType.APPLICATION_JSON)
				.body(Map.of("model", model, "temperature", 0, "messages",
						List.of(Map.of("role", "system", "content", system), Map.of("role", "user", "content", user))))
				.retrieve().body(String.class);
			String content = body == null ? "" : json.readTree(body).path("choices").path(0).path("message")
				.path("content").asString("");
			if (!content.isBlank()) {
				return Optional.of(content.strip());
			}
			log.warn("Assistant: the model's reply had no content");
		}
		catch (RuntimeException ex) {
			log.warn("Assistant: the model did not answer: {}", ex.toString());
		}
		return Optional.empty();
	}
}
