package org.tongban.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the load drivers share: a signed-in browser-like session (form login once, then the session cookie
 * and the CSRF token on every call, as a page's script sends them), percentiles, loopback-only URLs.
 * HTTP Basic is avoided on purpose: it costs a BCrypt check (~50 ms on these cores) per request.
 */
final class BenchHttp {

	static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(Duration.ofSeconds(5)).build();

	private BenchHttp() {
	}

	/** A signed-in session: the cookie and the CSRF token the pages carry in their meta tag. */
	record Session(String user, String cookie, String csrf) {

		HttpRequest.Builder request(String url) {
			return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).header("Cookie", cookie)
					.header("X-CSRF-TOKEN", csrf);
		}
	}

	static String loopback(String base) {
		if (!URI.create(base).getHost().matches("127\\.0\\.0\\.1|localhost")) {
			throw new IllegalArgumentException("loopback only");
		}
		return base;
	}

	/** Signs in through the login form, then reads the session's CSRF token from a page. */
	static Session signIn(String base, String user) throws Exception {
		HttpResponse<String> page = send(HttpRequest.newBuilder(URI.create(base + "/login")).GET().build());
		String cookie = page.headers().firstValue("set-cookie").orElseThrow().split(";")[0];
		String token = find(page.body(), "name=\"_csrf\" value=\"([^\"]+)\"", "no CSRF token on the login page");
		String form = "username=" + user + "&password=tongban-demo&_csrf=" + token;
		HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(base + "/login")).header("Cookie", cookie)
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(form)).build());
		String location = r.headers().firstValue("location").orElse("");
		if (r.statusCode() != 302 || location.contains("error")) {
			throw new IllegalStateException("sign-in of " + user + " failed: " + r.statusCode() + " " + location);
		}
		// the session id changes at sign-in, and so does the CSRF token
		String session = r.headers().firstValue("set-cookie").map(c -> c.split(";")[0]).orElse(cookie);
		HttpResponse<String> home = send(HttpRequest.newBuilder(URI.create(base + "/")).header("Cookie", session)
				.GET().build());
		String csrf = find(home.body(), "<meta name=\"_csrf\" content=\"([^\"]+)\"", "no CSRF meta tag on /");
		return new Session(user, session, csrf);
	}

	static String find(String body, String regex, String error) {
		Matcher m = Pattern.compile(regex).matcher(body);
		if (!m.find()) {
			throw new IllegalStateException(error);
		}
		return m.group(1);
	}

	static HttpResponse<String> send(HttpRequest r) throws Exception {
		return HTTP.send(r, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	/** Nearest-rank percentile of sorted values. */
	static double pct(List<Double> sorted, double p) {
		if (sorted.isEmpty()) {
			return Double.NaN;
		}
		return sorted.get(Math.max(0, Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1)));
	}
}
