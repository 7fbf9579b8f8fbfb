package org.tongban.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Behind a reverse proxy that ends TLS (server.forward-headers-strategy: native): over real HTTP, a request the
 * proxy marks {@code X-Forwarded-Proto: https} gets a {@code Secure} session cookie and HSTS; a plain HTTP one
 * gets neither (HSTS over HTTP would be meaningless, and a Secure cookie would never come back).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class ServingBehindAProxyTests {

	@LocalServerPort
	int port;

	private final HttpClient http = HttpClient.newHttpClient();

	private HttpResponse<String> loginPage(String forwardedProto) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login"));
		if (forwardedProto != null) {
			request.header("X-Forwarded-Proto", forwardedProto);
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static String sessionCookie(HttpResponse<?> response) {
		List<String> cookies = response.headers().allValues("Set-Cookie").stream()
				.filter(c -> c.startsWith(SecurityConfiguration.SESSION_COOKIE + "=")).toList();
		assertThat(cookies).hasSize(1);
		return cookies.get(0);
	}

	@Test
	void overHttpsThroughTheProxyTheSessionCookieIsSecureAndHstsIsSent() throws Exception {
		HttpResponse<String> response = loginPage("https");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(sessionCookie(response)).containsIgnoringCase("; Secure").containsIgnoringCase("HttpOnly")
				.containsIgnoringCase("SameSite=Lax");
		assertThat(response.headers().firstValue("Strict-Transport-Security")).hasValueSatisfying(
				hsts -> assertThat(hsts).contains("max-age=31536000").contains("includeSubDomains"));
	}

	@Test
	void overPlainHttpNeitherSecureNorHsts() throws Exception {
		HttpResponse<String> response = loginPage(null);
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(sessionCookie(response)).doesNotContainIgnoringCase("Secure").containsIgnoringCase("HttpOnly");
		assertThat(response.headers().firstValue("Strict-Transport-Security")).isEmpty();

		HttpResponse<String> forwardedHttp = loginPage("http");
		assertThat(sessionCookie(forwardedHttp)).doesNotContainIgnoringCase("Secure");
		assertThat(forwardedHttp.headers().firstValue("Strict-Transport-Security")).isEmpty();
	}
}
