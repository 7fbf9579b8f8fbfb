package org.tongban.bench;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

/**
 * The cost of authenticating an API call: {@code GET /api/me} (no database work beyond authentication) under
 * closed-loop load with HTTP Basic (a BCrypt check per call), an API token ({@code Authorization: Bearer}, one
 * indexed SHA-256 lookup) and a signed-in session cookie. Throughput and p50/p99 for each, then one thread alone
 * for the latency without queueing. Usage: AuthLoad BASE [threads=4] [seconds=15] [warmup=3]
 */
public class AuthLoad {

	public static void main(String[] args) throws Exception {
		String base = BenchHttp.loopback(args[0]);
		int threads = args.length > 1 ? Integer.parseInt(args[1]) : 4;
		int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 15;
		int warmup = args.length > 3 ? Integer.parseInt(args[3]) : 3;
		String basic = "Basic " + Base64.getEncoder().encodeToString("planning:tongban-demo".getBytes(StandardCharsets.UTF_8));
		String token = issueToken(base);
		BenchHttp.Session session = BenchHttp.signIn(base, "planning");
		URI me = URI.create(base + "/api/me");
		List<Variant> variants = List.of(
				new Variant("Basic (BCrypt)", () -> HttpRequest.newBuilder(me).header("Authorization", basic).GET().build()),
				new Variant("Bearer token", () -> HttpRequest.newBuilder(me).header("Authorization", "Bearer " + token).GET().build()),
				new Variant("session cookie", () -> session.request(me.toString()).GET().build()));
		System.out.printf("GET /api/me, %d threads, %d s each after %d s warm-up%n", threads, seconds, warmup);
		for (Variant v : variants) {
			run(v, threads, warmup, false);
			print(v.name(), threads, run(v, threads, seconds, true), seconds);
		}
		System.out.println("one thread, no concurrency:");
		for (Variant v : variants) {
			print(v.name(), 1, run(v, 1, Math.max(5, seconds / 3), true), Math.max(5, seconds / 3));
		}
	}

	record Variant(String name, Supplier<HttpRequest> request) {
	}

	/** An ADMIN issues a token for the planning division (Basic once: the token is what is measured). */
	private static String issueToken(String base) throws Exception {
		String admin = "Basic " + Base64.getEncoder().encodeToString("admin:tongban-demo".getBytes(StandardCharsets.UTF_8));
		HttpResponse<String> r = BenchHttp.send(HttpRequest.newBuilder(URI.create(base + "/api/tokens"))
			.header("Authorization", admin).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(
					"{\"client\": \"bench\", \"roles\": [\"DIVISION_STAFF\"], \"orgUnitCode\": \"PLANNING\", \"validDays\": 1}"))
			.build());
		if (r.statusCode() != 201) {
			throw new IllegalStateException("issuing a token failed: " + r.statusCode() + " " + r.body());
		}
		return BenchHttp.find(r.body(), "\"token\":\"(tb_[A-Za-z0-9_-]+)\"", "no token in " + r.body());
	}

	private static List<Double> run(Variant v, int threads, int seconds, boolean measure) throws Exception {
		long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		List<Future<List<Double>>> futures = new ArrayList<>();
		for (int t = 0; t < threads; t++) {
			futures.add(pool.submit(() -> {
				List<Double> ms = new ArrayList<>();
				while (System.nanoTime() < end) {
					long t0 = System.nanoTime();
					HttpResponse<String> r = BenchHttp.send(v.request().get());
					if (r.statusCode() != 200) {
						throw new IllegalStateException(v.name() + ": " + r.statusCode() + " " + r.body());
					}
					ms.add((System.nanoTime() - t0) / 1e6);
				}
				return ms;
			}));
		}
		List<Double> all = new ArrayList<>();
		for (Future<List<Double>> f : futures) {
			all.addAll(f.get());
		}
		pool.shutdown();
		Collections.sort(all);
		return measure ? all : List.of();
	}

	private static void print(String name, int threads, List<Double> ms, int seconds) {
		System.out.printf("  %-15s %2d threads: %8.1f req/s  p50 %7.2f ms  p99 %7.2f ms  (%d calls)%n", name, threads,
				ms.size() / (double) seconds, BenchHttp.pct(ms, 50), BenchHttp.pct(ms, 99), ms.size());
	}
}
