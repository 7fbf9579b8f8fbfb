package org.tongban.supervision;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * Partner authorities over REST: {@code POST {base-url}/joint-inspections} with the plan and
 * {@code Idempotency-Key}, answered {@code {"reference": "…"}}; {@code GET {base-url}/joint-inspections/{key}/findings}
 * answered {@code {"text": "…", "inspector": "…"}}, or 404 while there are none. Configured per authority by
 * {@code tongban.supervision.joint.partners.<AUTHORITY>.base-url} (and {@code .timeout}, default 5 s).
 */
@Component
class RestPartnerAuthorities implements PartnerAuthorities {

	record Accepted(String reference) {
	}

	private final Map<JointAuthority, RestClient> clients = new EnumMap<>(JointAuthority.class);

	RestPartnerAuthorities(Environment env, @Value("${tongban.supervision.joint.timeout:PT5S}") Duration timeout) {
		for (JointAuthority a : JointAuthority.values()) {
			String url = env.getProperty("tongban.supervision.joint.partners." + a.name() + ".base-url", "");
			if (!url.isBlank()) {
				var factory = new JdkClientHttpRequestFactory(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
					.connectTimeout(timeout).build());
				factory.setReadTimeout(timeout);
				clients.put(a, RestClient.builder().requestFactory(factory).baseUrl(url.replaceAll("/+$", "")).build());
			}
		}
	}

	@Override
	public boolean configured(JointAuthority authority) {
		return clients.containsKey(authority);
	}

	@Override
	public String send(JointAuthority authority, SharedPlan plan, UUID key) {
		RestClient client = client(authority);
		try {
			Accepted accepted = client.post().uri("/joint-inspections").contentType(MediaType.APPLICATION_JSON)
				.header("Idempotency-Key", key.toString()).body(plan).retrieve().body(Accepted.class);
			if (accepted == null || accepted.reference() == null || accepted.reference().isBlank()) {
				throw new Unavailable(authority.label() + "未返回受理编号", null);
			}
			return accepted.reference();
		}
		catch (RestClientException e) {
			throw new Unavailable(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage(), e);
		}
	}

	@Override
	public Optional<Findings> findings(JointAuthority authority, UUID key) {
		RestClient client = client(authority);
		try {
			Findings f = client.get().uri("/joint-inspections/{key}/findings", key).retrieve().body(Findings.class);
			return Optional.ofNullable(f).filter(x -> x.text() != null && !x.text().isBlank());
		}
		catch (HttpClientErrorException e) {
			if (e.getStatusCode() == HttpStatus.NOT_FOUND) {
				return Optional.empty();
			}
			throw new Unavailable(e.getMessage(), e);
		}
		catch (RestClientException e) {
			throw new Unavailable(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage(), e);
		}
	}

	private RestClient client(JointAuthority authority) {
		RestClient client = clients.get(authority);
		if (client == null) {
			throw new Unavailable(authority.label() + "的接口未配置", null);
		}
		return client;
	}
}
