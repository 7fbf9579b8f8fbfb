package org.tongban.feedback;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * The 12345 hotline over REST: {@code POST {base-url}/handovers} with a bearer token and the dispatch id as
 * {@code Idempotency-Key} (and in the body), answered with {@code {"reference": "…"}}. Configured by
 * {@code tongban.feedback.hotline.base-url}, {@code .token} and {@code .timeout} (default 5 s); without an address
 * and token it is not configured.
 */
@Component
class RestHotline12345 implements Hotline12345 {

	/** What the hotline answers. */
	record Accepted(String reference) {
	}

	private final RestClient client;

	RestHotline12345(@Value("${tongban.feedback.hotline.base-url:}") String baseUrl,
			@Value("${tongban.feedback.hotline.token:}") String token,
			@Value("${tongban.feedback.hotline.timeout:PT5S}") Duration timeout) {
		if (baseUrl.isBlank() || token.isBlank()) {
			this.client = null;
			return;
		}
		var factory = new JdkClientHttpRequestFactory(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(timeout).build());
		factory.setReadTimeout(timeout);
		this.client = RestClient.builder().requestFactory(factory).baseUrl(baseUrl.replaceAll("/+$", ""))
			.defaultHeader("Authorization", "Bearer " + token).build();
	}

	@Override
	public boolean configured() {
		return client != null;
	}

	@Override
	public String handOver(HandOver h) {
		if (client == null) {
			throw new Unavailable("12345 热线接口未配置", null);
		}
		try {
			Accepted accepted = client.post().uri("/handovers").contentType(MediaType.APPLICATION_JSON)
				.header("Idempotency-Key", h.dispatchId().toString())
				.body(Map.of("dispatchId", h.dispatchId().toString(), "ticketId", h.ticketId().toString(), "text", h.text(),
						"place", h.place() == null ? "" : h.place(), "itemCode", h.itemCode() == null ? "" : h.itemCode(),
						"itemName", h.itemName() == null ? "" : h.itemName(),
						"contact", h.contact() == null ? "" : h.contact(), "unit", h.unit()))
				.retrieve().body(Accepted.class);
			if (accepted == null || accepted.reference() == null || accepted.reference().isBlank()) {
				throw new Unavailable("12345 热线未返回受理编号", null);
			}
			return accepted.reference();
		}
		catch (RestClientException e) {
			throw new Unavailable(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage(), e);
		}
	}
}
