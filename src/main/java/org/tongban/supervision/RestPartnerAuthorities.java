package org.tongban.supervision;

import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.core.env.Environment;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * The partner authorities over REST: {@code POST {base-url}/joint-plans} with a bearer token and the share id as
 * {@code Idempotency-Key}, answered with {@code {"reference": "…"}}. Per partner code ({@code SAMR} market
 * regulation, {@code DRUG} drug administration): {@code tongban.supervision.partners.<code>.name}, {@code .base-url},
 * {@code .token} (ours, to them), {@code .callback-token} (theirs, to us) and {@code .timeout} (default 5 s). A partner
 * without an address and token is not configured: its share waits and says so.
 */
@Component
class RestPartnerAuthorities implements PartnerAuthorities {

	static final Map<String, String> DEFAULT_NAMES = Map.of("SAMR", "浦东新区市场监督管理局", "DRUG", "上海市药品监督管理局");

	/** What a partner answers. */
	record Accepted(String reference) {
	}

	private record Configured(Partner partner, RestClient client, byte[] callbackToken) {
	}

	private final Map<String, Configured> partners = new LinkedHashMap<>();

	RestPartnerAuthorities(Environment env) {
		for (String code : List.of("SAMR", "DRUG")) {
			String prefix = "tongban.supervision.partners." + code.toLowerCase() + ".";
			String name = env.getProperty(prefix + "name", DEFAULT_NAMES.get(code));
			String baseUrl = env.getProperty(prefix + "base-url", "");
			String token = env.getProperty(prefix + "token", "");
			String callback = env.getProperty(prefix + "callback-token", "");
			Duration timeout = env.getProperty(prefix + "timeout", Duration.class, Duration.ofSeconds(5));
			RestClient client = null;
			if (!baseUrl.isBlank() && !token.isBlank()) {
				var factory = new JdkClientHttpRequestFactory(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
					.connectTimeout(timeout).build());
				factory.setReadTimeout(timeout);
				client = RestClient.builder().requestFactory(factory).baseUrl(baseUrl.replaceAll("/+$", ""))
					.defaultHeader("Authorization", "Bearer " + token).build();
			}
			partners.put(code, new Configured(new Partner(code, name, client != null), client,
					callback.isBlank() ? null : callback.getBytes(StandardCharsets.UTF_8)));
		}
	}

	@Override
	public List<Partner> partners() {
		List<Partner> out = new ArrayList<>();
		partners.values().forEach(c -> out.add(c.partner()));
		return out;
	}

	@Override
	public String share(String authority, SharedPlan plan) {
		Configured c = partners.get(authority);
		if (c == null || c.client() == null) {
			throw new Unavailable((c == null ? authority : c.partner().name()) + "的接口尚未配置", null);
		}
		try {
			Accepted accepted = c.client().post().uri("/joint-plans").contentType(MediaType.APPLICATION_JSON)
				.header("Idempotency-Key", plan.shareId().toString()).body(plan).retrieve().body(Accepted.class);
			if (accepted == null || accepted.reference() == null || accepted.reference().isBlank()) {
				throw new Unavailable(c.partner().name() + "未返回受理编号", null);
			}
			return accepted.reference();
		}
		catch (RestClientException e) {
			throw new Unavailable(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage(), e);
		}
	}

	@Override
	public boolean callbackAuthentic(String authority, String token) {
		Configured c = authority == null ? null : partners.get(authority);
		return c != null && c.callbackToken() != null && token != null
				&& MessageDigest.isEqual(c.callbackToken(), token.getBytes(StandardCharsets.UTF_8));
	}
}
