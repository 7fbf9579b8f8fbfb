package org.tongban.bench;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The window's first action on the cases a submission run left (IDS_FILE lines "key id status", as
 * {@link SubmissionLoad} writes them): N signed-in clerks accept them back to back, each case once, until
 * the cases or the time run out. A case still waiting for the window has no process yet, so its acceptance
 * also starts the process; comparing a run on such cases with one on cases whose process was started at
 * submission shows what the process start costs where it now happens. Run by bench/submissions.sh.
 *
 * <pre>
 * AcceptLoad BASE IDS_FILE THREADS SECONDS [LABEL]
 * </pre>
 */
public class AcceptLoad {

	public static void main(String[] args) throws Exception {
		String base = BenchHttp.loopback(args[0]);
		List<String> ids = Files.readAllLines(Path.of(args[1]), StandardCharsets.UTF_8).stream()
				.filter(l -> l.endsWith(" 201")).map(l -> l.split(" ")[1]).toList();
		int threads = Integer.parseInt(args[2]);
		int seconds = Integer.parseInt(args[3]);
		BenchHttp.Session[] sessions = new BenchHttp.Session[threads];
		for (int t = 0; t < threads; t++) {
			sessions[t] = BenchHttp.signIn(base, "clerk");
		}
		AtomicInteger next = new AtomicInteger();
		ConcurrentHashMap<String, Integer> errors = new ConcurrentHashMap<>();
		List<List<Double>> perThread = new ArrayList<>();
		List<Thread> workers = new ArrayList<>();
		long start = System.nanoTime();
		long end = start + seconds * 1_000_000_000L;
		for (int t = 0; t < threads; t++) {
			List<Double> ms = new ArrayList<>();
			perThread.add(ms);
			BenchHttp.Session session = sessions[t];
			Thread worker = new Thread(() -> {
				int i;
				while (System.nanoTime() < end && (i = next.getAndIncrement()) < ids.size()) {
					try {
						HttpRequest r = session.request(base + "/api/cases/" + ids.get(i) + "/actions/accept")
								.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}"))
								.build();
						long s = System.nanoTime();
						HttpResponse<String> res = BenchHttp.send(r);
						long e = System.nanoTime();
						if (res.statusCode() == 200) {
							ms.add((e - s) / 1e6);
						}
						else {
							errors.merge(res.statusCode() + " " + res.body().substring(0, Math.min(120, res.body().length())),
									1, Integer::sum);
						}
					}
					catch (Exception ex) {
						errors.merge(ex.getClass().getSimpleName(), 1, Integer::sum);
					}
				}
			}, "clerk-" + t);
			worker.start();
			workers.add(worker);
		}
		for (Thread w : workers) {
			w.join();
		}
		double elapsed = (System.nanoTime() - start) / 1e9;
		List<Double> all = new ArrayList<>();
		perThread.forEach(all::addAll);
		Collections.sort(all);
		System.out.printf(Locale.ROOT,
				"accept (%s)  threads=%d  %.1f/s over %.1f s  p50 %.1f ms  p95 %.1f ms  p99 %.1f ms  (n=%d of %d cases)%n",
				args.length > 4 ? args[4] : "", threads, all.size() / elapsed, elapsed, BenchHttp.pct(all, 50),
				BenchHttp.pct(all, 95), BenchHttp.pct(all, 99), all.size(), ids.size());
		errors.forEach((k, v) -> System.out.println("  error x" + v + ": " + k));
	}
}
