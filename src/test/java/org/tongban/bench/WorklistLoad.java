package org.tongban.bench;

import java.net.http.HttpRequest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
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
		if (args.length > 2) {
			// the same queries straight over JDBC: what the database adds, apart from HTTP, security and JSON
			try (Connection c = DriverManager.getConnection(args[2], "postgres", "")) {
				sql(c, "SQL of Cases.mine (citizen)", """
						SELECT id, item_code, item_name, situation_code, situation_name, status, created_at, submitted_at
						FROM cases_case WHERE owner = 'citizen' ORDER BY created_at DESC LIMIT 200""", samples);
				sql(c, "SQL of Worklist.of (clerk)", """
						SELECT id, item_code, item_name, situation_name, applicant_name, channel, status, step, assignee, due_on
						FROM cases_case WHERE step_role = ANY('{CLERK}'::text[]) AND (assignee IS NULL OR assignee = 'clerk')
						ORDER BY due_on NULLS LAST, id LIMIT 100""", samples);
			}
		}
	}

	static void sql(Connection c, String label, String sql, int samples) throws Exception {
		List<Double> ms = new ArrayList<>();
		try (PreparedStatement ps = c.prepareStatement(sql)) {
			for (int i = 0; i < 200 + samples; i++) {
				long s = System.nanoTime();
				try (ResultSet rs = ps.executeQuery()) {
					while (rs.next()) {
						rs.getObject(1);
					}
				}
				if (i >= 200) {
					ms.add((System.nanoTime() - s) / 1e6);
				}
			}
		}
		Collections.sort(ms);
		System.out.printf(Locale.ROOT, "%-40s n=%d  p50 %.2f ms  p95 %.2f ms  p99 %.2f ms  max %.2f ms%n", label, samples,
				BenchHttp.pct(ms, 50), BenchHttp.pct(ms, 95), BenchHttp.pct(ms, 99), ms.get(ms.size() - 1));
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
