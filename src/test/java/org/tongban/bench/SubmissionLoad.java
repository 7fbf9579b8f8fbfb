package org.tongban.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Closed-loop load on one submission endpoint over loopback: N virtual users, each signed in once as the
 * demo citizen, posting applications back to back for a warm-up and then a fixed measured window.
 * Prints throughput and p50/p95/p99 of the measured window; with a JDBC URL also what the load left
 * behind (event publications still to deliver, cases without their first step, processes started).
 * The application is 放射工作人员证 · 注销: every required material of that situation is held by the
 * authority (免提交), so it submits in one call (a submission checks the required materials since Dec 2026;
 * the figures before that were measured on 护士执业注册 · 变更).
 *
 * <pre>
 * SubmissionLoad BASE PATH THREADS WARMUP_S SECONDS [JDBC_URL|-] [IDS_FILE]
 * </pre>
 *
 * With IDS_FILE every answered submission is appended as "key id status" (the durability check reads it).
 * A request that fails without an answer (server killed) is retried with the same Idempotency-Key once the
 * server answers again, as a careful client would; sessions lost in a restart are signed in again.
 * Run by bench/submissions.sh and bench/durability.sh, never by the test suite.
 */
public class SubmissionLoad {

	static final String CITIZEN_ID = "310115198503151230";

	public static void main(String[] args) throws Exception {
		String base = BenchHttp.loopback(args[0]);
		String path = args[1];
		int threads = Integer.parseInt(args[2]);
		int warmup = Integer.parseInt(args[3]);
		int seconds = Integer.parseInt(args[4]);
		String jdbcUrl = args.length > 5 && !args[5].equals("-") ? args[5] : null;
		Path idsFile = args.length > 6 ? Path.of(args[6]) : null;

		PrintWriter ids = idsFile == null ? null
				: new PrintWriter(Files.newBufferedWriter(idsFile, StandardCharsets.UTF_8), true);
		long startedBefore = jdbcUrl == null ? 0 : started(jdbcUrl);
		// every virtual user signs in before the clock starts (a BCrypt check each)
		BenchHttp.Session[] sessions = new BenchHttp.Session[threads];
		for (int t = 0; t < threads; t++) {
			try {
				sessions[t] = BenchHttp.signIn(base, "citizen");
			}
			catch (IOException | IllegalStateException ex) {
				sessions[t] = null; // the virtual user signs in when the server answers
			}
		}
		long start = System.nanoTime();
		long measureFrom = start + warmup * 1_000_000_000L;
		long end = measureFrom + seconds * 1_000_000_000L;
		List<List<Double>> perThread = new ArrayList<>();
		AtomicLong answered = new AtomicLong();
		AtomicLong failures = new AtomicLong();
		AtomicLong replays = new AtomicLong();
		ConcurrentHashMap<String, Integer> errors = new ConcurrentHashMap<>();
		List<Thread> workers = new ArrayList<>();
		for (int t = 0; t < threads; t++) {
			List<Double> ms = new ArrayList<>();
			perThread.add(ms);
			int vu = t;
			Thread worker = new Thread(() -> {
				BenchHttp.Session session = sessions[vu];
				String key = null;
				int n = 0;
				while (System.nanoTime() < end) {
					try {
						if (session == null) {
							session = BenchHttp.signIn(base, "citizen");
						}
						if (key == null) {
							key = UUID.randomUUID().toString();
							n++;
						}
						String body = """
								{"itemCode": "PD-WJW-XK-008", "situation": "CANCEL",
								 "applicant": {"kind": "PERSON", "idNumber": "%s", "name": "张三"},
								 "form": {"phone": "13800000000", "address": "上海市浦东新区世纪大道100号", "note": "压测 %d-%d"}}"""
								.formatted(CITIZEN_ID, vu, n);
						HttpRequest r = session.request(base + path).header("Content-Type", "application/json")
								.header("Idempotency-Key", key).POST(HttpRequest.BodyPublishers.ofString(body)).build();
						long s = System.nanoTime();
						HttpResponse<String> res = BenchHttp.send(r);
						long e = System.nanoTime();
						int code = res.statusCode();
						if (code == 201 || code == 200) {
							if (s >= measureFrom && e <= end) {
								ms.add((e - s) / 1e6);
								answered.incrementAndGet();
							}
							if (code == 200) {
								replays.incrementAndGet();
							}
							if (ids != null) {
								String id = res.body().replaceAll("(?s).*\"id\":\"([0-9a-f-]+)\".*", "$1");
								synchronized (ids) {
									ids.println(key + " " + id + " " + code);
								}
							}
							key = null;
						}
						else if (code == 401 || code == 403) {
							session = null; // the session did not survive a restart: sign in again, same key
							errors.merge(code + " (signed in again)", 1, Integer::sum);
						}
						else {
							failures.incrementAndGet();
							errors.merge(code + " " + res.body().substring(0, Math.min(120, res.body().length())), 1,
									Integer::sum);
							key = null;
						}
					}
					catch (IOException | IllegalStateException ex) {
						// no answer (server down or restarting): keep the key and try again when it is back
						failures.incrementAndGet();
						errors.merge(ex.getClass().getSimpleName(), 1, Integer::sum);
						session = session != null && ex instanceof IOException ? session : null;
						sleep(200);
					}
					catch (Exception ex) {
						throw new IllegalStateException(ex);
					}
				}
			}, "vu-" + t);
			worker.start();
			workers.add(worker);
		}
		for (Thread w : workers) {
			w.join();
		}
		long loadEnded = System.nanoTime();
		List<Double> all = new ArrayList<>();
		perThread.forEach(all::addAll);
		Collections.sort(all);
		System.out.printf(Locale.ROOT,
				"%-22s threads=%d measured=%ds  %.1f/s  p50 %.1f ms  p95 %.1f ms  p99 %.1f ms  max %.1f ms  (n=%d, replays=%d, failures=%d)%n",
				path, threads, seconds, answered.get() / (double) seconds, BenchHttp.pct(all, 50), BenchHttp.pct(all, 95),
				BenchHttp.pct(all, 99), all.isEmpty() ? Double.NaN : all.get(all.size() - 1), answered.get(),
				replays.get(), failures.get());
		errors.forEach((k, v) -> System.out.println("  error x" + v + ": " + k));
		if (ids != null) {
			ids.close();
		}
		if (jdbcUrl != null) {
			drain(jdbcUrl, start, loadEnded, startedBefore);
		}
	}

	static long started(String jdbcUrl) throws Exception {
		return count(jdbcUrl, "SELECT count(*) FROM cases_case WHERE process_instance_id IS NOT NULL");
	}

	static long count(String jdbcUrl, String sql) throws Exception {
		try (Connection c = DriverManager.getConnection(jdbcUrl, "postgres", "")) {
			return count(c, sql);
		}
	}

	static long count(Connection c, String sql) throws Exception {
		try (ResultSet rs = c.createStatement().executeQuery(sql)) {
			rs.next();
			return rs.getLong(1);
		}
	}

	/**
	 * What the load left behind: event publications still to deliver (waits until they are delivered, reporting
	 * how long that took), submitted cases without their first step, and the processes started meanwhile.
	 */
	static void drain(String jdbcUrl, long start, long loadEnded, long startedBefore) throws Exception {
		try (Connection c = DriverManager.getConnection(jdbcUrl, "postgres", "")) {
			String incomplete = "SELECT count(*) FROM event_publication WHERE completion_date IS NULL";
			long atEnd = count(c, incomplete);
			long left = atEnd;
			while (left > 0) {
				sleep(100);
				left = count(c, incomplete);
				if ((System.nanoTime() - loadEnded) / 1e9 > 600) {
					System.out.println("backlog: still " + left + " event publications undelivered after 10 minutes");
					return;
				}
			}
			long stepless = count(c, "SELECT count(*) FROM cases_case WHERE status = 'SUBMITTED' AND step IS NULL");
			long started = count(c, "SELECT count(*) FROM cases_case WHERE process_instance_id IS NOT NULL") - startedBefore;
			System.out.printf(Locale.ROOT,
					"after the load: %d event publications undelivered when it stopped, all delivered %.1f s later; "
							+ "submitted cases without their first step: %d; processes started since the load began: %d (%.1f/s)%n",
					atEnd, (System.nanoTime() - loadEnded) / 1e9, stepless, started,
					started / ((System.nanoTime() - start) / 1e9));
		}
	}

	static void sleep(long ms) {
		try {
			Thread.sleep(ms);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}
}
