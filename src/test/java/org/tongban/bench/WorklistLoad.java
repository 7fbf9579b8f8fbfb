package org.tongban.bench;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Times "my cases" (GET /api/cases?mine=true as the demo citizen) and a clerk's work list (GET /api/worklist
 * as the demo clerk) over loopback with signed-in sessions, sequentially: warm-up, then N samples each.
 * Usage: WorklistLoad BASE [samples=1000]. Run by bench/worklist.sh, never by the test suite.
 */
public class WorklistLoad {

	public static void main(String[] args) throws Exception {
		String base = BenchHttp.loopback(args[0]);
		int samples = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
		BenchHttp.Session citizen = BenchHttp.signIn(base, "citizen");
		BenchHttp.Session clerk = BenchHttp.signIn(base, "clerk");
		time("GET /api/cases?mine=true (citizen)", citizen, base + "/api/cases?mine=true", samples, "\"id\"");
		time("GET /api/worklist (clerk)", clerk, base + "/api/worklist", samples, "\"id\"");
	}

	static void time(String label, BenchHttp.Session session, String url, int samples, String rowMarker)
			throws Exception {
		HttpRequest request = session.request(url).GET().build();
		int rows = 0;
		for (int i = 0; i < 200; i++) {
			HttpResponse<String> r = BenchHttp.send(request);
			if (r.statusCode() != 200) {
				throw new IllegalStateException(label + ": " + r.statusCode() + " " + r.body());
			}
			rows = count(r.body(), rowMarker);
		}
		List<Double> ms = new ArrayList<>();
		for (int i = 0; i < samples; i++) {
			long s = System.nanoTime();
			HttpResponse<String> r = BenchHttp.send(request);
			ms.add((System.nanoTime() - s) / 1e6);
			if (r.statusCode() != 200) {
				throw new IllegalStateException(label + ": " + r.statusCode());
			}
		}
		Collections.sort(ms);
		System.out.printf(Locale.ROOT, "%-40s rows=%d n=%d  p50 %.1f ms  p95 %.1f ms  p99 %.1f ms  max %.1f ms%n", label,
				rows, samples, BenchHttp.pct(ms, 50), BenchHttp.pct(ms, 95), BenchHttp.pct(ms, 99), ms.get(ms.size() - 1));
	}

	static int count(String s, String needle) {
		int n = 0;
		for (int i = s.indexOf(needle); i >= 0; i = s.indexOf(needle, i + 1)) {
			n++;
		}
		return n;
	}
}
