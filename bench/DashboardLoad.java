import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Load driver for the reform dashboard (run with {@code java bench/DashboardLoad.java BASE_URL}).
 * Fills every one of the 65 tasks up to 50 progress reports, written by each task's first lead
 * division through the public API, then times the leaders' dashboard page and its JSON aggregate
 * sequentially on loopback and prints p50/p95/p99. Bounded: a fixed number of requests, loopback only.
 */
public class DashboardLoad {

	static final Map<String, String> STAFF = Map.of("规划发展处", "planning", "生物医药处", "biomed", "医政处", "medadmin",
			"公卫处", "publichealth", "人口家发处", "family", "基层处", "primary", "中医科教处", "tcm", "组织人事处", "personnel",
			"党政办", "office");

	static final HttpClient http = HttpClient.newHttpClient();

	public static void main(String[] args) throws Exception {
		String base = args.length > 0 ? args[0] : "http://127.0.0.1:18080";
		if (!URI.create(base).getHost().matches("127\\.0\\.0\\.1|localhost")) {
			throw new IllegalArgumentException("loopback only");
		}
		int reportsPerTask = 50;
		int samples = args.length > 1 ? Integer.parseInt(args[1]) : 500;

		String tasks = send(get(base + "/api/reform/tasks", "leader")).body();
		Matcher m = Pattern.compile("\\{\"no\":(\\d+),.*?\"leadDivisions\":\\[\"([^\"]+)\".*?\"status\":\"([A-Z_]+)\".*?\"progress\":(\\d+)")
				.matcher(tasks);
		int written = 0;
		long t0 = System.nanoTime();
		while (m.find()) {
			int no = Integer.parseInt(m.group(1));
			String user = STAFF.get(m.group(2));
			boolean completed = m.group(3).equals("COMPLETED");
			int current = Integer.parseInt(m.group(4));
			int existing = count(send(get(base + "/api/reform/tasks/" + no, "leader")).body(), "\"kind\"");
			for (int i = existing; i < reportsPerTask; i++) {
				// progress never goes backwards without a reason, and a completed task stays at 100%
				int progress = completed ? 100 : Math.max(current, Math.min(99, (i + 1) * 2));
				String body = "{\"text\":\"第" + (i + 1) + "次进展报告：按计划推进，完成阶段性工作。\",\"progress\":" + progress
						+ ",\"status\":\"" + (completed ? "COMPLETED" : "IN_PROGRESS") + "\"}";
				HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(base + "/api/reform/tasks/" + no + "/reports"))
						.header("Authorization", basic(user)).header("Content-Type", "application/json")
						.POST(HttpRequest.BodyPublishers.ofString(body)).build());
				if (r.statusCode() / 100 != 2) {
					throw new IllegalStateException("report on task " + no + " as " + user + ": " + r.statusCode() + " " + r.body());
				}
				current = progress;
				written++;
			}
		}
		System.out.printf("seeded %d reports in %.1f s (65 tasks x %d reports)%n", written,
				(System.nanoTime() - t0) / 1e9, reportsPerTask);

		// timed with a signed-in session as a browser has it: HTTP Basic would add a BCrypt check
		// (~50 ms on these cores) to every request and hide the dashboard's own cost
		String session = signIn(base, "leader");
		time("GET /reform (dashboard page, leader)", withSession(base + "/reform", session), samples);
		time("GET /api/reform/dashboard (aggregates, leader)", withSession(base + "/api/reform/dashboard", session), samples);
		time("GET /api/reform/tasks (65 tasks, leader)", withSession(base + "/api/reform/tasks", session), samples);
	}

	static void time(String label, HttpRequest request, int samples) throws Exception {
		for (int i = 0; i < 50; i++) {
			send(request); // warm-up
		}
		List<Double> ms = new ArrayList<>();
		for (int i = 0; i < samples; i++) {
			long s = System.nanoTime();
			HttpResponse<String> r = send(request);
			ms.add((System.nanoTime() - s) / 1e6);
			if (r.statusCode() != 200) {
				throw new IllegalStateException(label + ": " + r.statusCode());
			}
		}
		Collections.sort(ms);
		System.out.printf("%-50s n=%d  p50 %.1f ms  p95 %.1f ms  p99 %.1f ms  max %.1f ms%n", label, samples,
				pct(ms, 50), pct(ms, 95), pct(ms, 99), ms.get(ms.size() - 1));
	}

	/** Signs in through the login form (with its CSRF token) and returns the session cookie. */
	static String signIn(String base, String user) throws Exception {
		HttpResponse<String> page = send(HttpRequest.newBuilder(URI.create(base + "/login")).GET().build());
		String cookie = page.headers().firstValue("set-cookie").orElseThrow().split(";")[0];
		Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page.body());
		if (!token.find()) {
			throw new IllegalStateException("no CSRF token on the login page");
		}
		String form = "username=" + user + "&password=tongban-demo&_csrf=" + token.group(1);
		HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(base + "/login")).header("Cookie", cookie)
				.header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form))
				.build());
		String location = r.headers().firstValue("location").orElse("");
		if (r.statusCode() != 302 || location.contains("error")) {
			throw new IllegalStateException("sign-in failed: " + r.statusCode() + " " + location);
		}
		// the session id changes at sign-in
		return r.headers().firstValue("set-cookie").map(c -> c.split(";")[0]).orElse(cookie);
	}

	static HttpRequest withSession(String url, String cookie) {
		return HttpRequest.newBuilder(URI.create(url)).header("Cookie", cookie).GET().build();
	}

	static double pct(List<Double> sorted, int p) {
		return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
	}

	static int count(String s, String needle) {
		int n = 0;
		for (int i = s.indexOf(needle); i >= 0; i = s.indexOf(needle, i + 1)) {
			n++;
		}
		return n;
	}

	static HttpRequest get(String url, String user) {
		return HttpRequest.newBuilder(URI.create(url)).header("Authorization", basic(user)).GET().build();
	}

	static String basic(String user) {
		return "Basic " + Base64.getEncoder().encodeToString((user + ":tongban-demo").getBytes(StandardCharsets.UTF_8));
	}

	static HttpResponse<String> send(HttpRequest r) throws Exception {
		return http.send(r, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}
}
