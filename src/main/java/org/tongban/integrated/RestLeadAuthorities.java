package org.tongban.integrated;

import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

import org.springframework.core.env.Environment;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * The lead authorities over REST: results go to {@code POST {base-url}/parts/{reference}/result} with a bearer token and
 * the result's id as {@code Idempotency-Key}. Per package ({@code swimming-venue}, {@code shopping-centre},
 * {@code elderly-care}): {@code tongban.integrated.leads.<package>.base-url}, {@code .token} (ours, to them),
 * {@code .inbound-token} (theirs, to us, on {@code X-Lead-Token}) and {@code .timeout} (default 5 s). A lead without an
 * address and token is not configured: its results wait and say so.
 */
@Component
class RestLeadAuthorities implements LeadAuthorities {

	static final Map<String, String> DEFAULT_NAMES = Map.of("SWIMMING_VENUE", "浦东新区体育局", "SHOPPING_CENTRE",
			"浦东新区商务委员会", "ELDERLY_CARE", "浦东新区民政局");

	private final Environment env;

	RestLeadAuthorities(Environment env) {
		this.env = env;
	}

	private String property(String packageCode, String name, String fallback) {
		return env.getProperty(key(packageCode, name), fallback);
	}

	private static String key(String packageCode, String name) {
		return "tongban.integrated.leads." + packageCode.toLowerCase(Locale.ROOT).replace('_', '-') + "." + name;
	}

	@Override
	public String name(String packageCode) {
		return property(packageCode, "name", DEFAULT_NAMES.getOrDefault(packageCode, packageCode));
	}

	@Override
	public void sendResult(String packageCode, PartResult result) {
		String baseUrl = property(packageCode, "base-url", "");
		String token = property(packageCode, "token", "");
		if (baseUrl.isBlank() || token.isBlank()) {
			throw new Unavailable(name(packageCode) + "的接口尚未配置", null);
		}
		Duration timeout = env.getProperty(key(packageCode, "timeout"), Duration.class, Duration.ofSeconds(5));
		var factory = new JdkClientHttpRequestFactory(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(timeout).build());
		factory.setReadTimeout(timeout);
		RestClient client = RestClient.builder().requestFactory(factory).baseUrl(baseUrl.replaceAll("/+$", ""))
			.defaultHeader("Authorization", "Bearer " + token).build();
		try {
			client.post().uri("/parts/{reference}/result", result.reference()).contentType(MediaType.APPLICATION_JSON)
				.header("Idempotency-Key", result.resultId().toString()).body(result).retrieve().toBodilessEntity();
		}
		catch (RestClientException e) {
			throw new Unavailable(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage(), e);
		}
	}

	@Override
	public boolean authentic(String packageCode, String token) {
		String expected = packageCode == null ? "" : property(packageCode, "inbound-token", "");
		return !expected.isBlank() && token != null
				&& MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8));
	}
}
