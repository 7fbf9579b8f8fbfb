package org.tongban.supervision;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tongban.Tongban;

/**
 * The draw benchmark (bench/draw.sh), not a test. Part 1, the algorithm alone: 200,000 graded entities and 3,000
 * inspectors with 2,000 conflicts, plan hash + draw, 2 warm-ups then 5 timed runs. Part 2 ({@code db}), the
 * product: the whole application on a fresh embedded PostgreSQL with a 200,000-entity demo district (COPY),
 * 3,000 enrolled inspectors; times regrading everyone after a rule change, making a plan (snapshot, hash, seed,
 * stored inputs) and the draw as the endpoint runs it (read the inputs, draw, write the inspections, read back).
 */
public final class DrawBench {

	public static void main(String[] args) {
		int entities = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
		int inspectors = args.length > 1 ? Integer.parseInt(args[1]) : 3_000;
		algorithm(entities, inspectors);
		if (Arrays.asList(args).contains("db")) {
			product(entities, inspectors);
		}
	}

	static void algorithm(int n, int m) {
		GradingRules.Rules rules = new GradingRules().current();
		SplittableRandom random = new SplittableRandom(42);
		List<DrawAlgorithm.Entity> entities = new ArrayList<>(n);
		Sector[] sectors = Sector.values();
		long t0 = System.nanoTime();
		for (int i = 0; i < n; i++) {
			List<Grade.Event> events = new ArrayList<>();
			int roll = random.nextInt(100);
			if (roll < 5) {
				events.add(new Grade.Event("PENALTY", java.time.LocalDate.of(2026, 1, 1), "罚"));
			}
			if (roll < 1) {
				events.add(new Grade.Event("COMMITMENT_BROKEN", java.time.LocalDate.of(2026, 2, 1), "承诺不实"));
			}
			Grade g = Grade.of(sectors[random.nextInt(sectors.length)], events, rules, java.time.LocalDate.of(2026, 6, 1));
			entities.add(new DrawAlgorithm.Entity(DemoDistrict.uscc(random), String.valueOf(g.combined())));
		}
		long graded = System.nanoTime() - t0;
		List<String> pool = new ArrayList<>();
		for (int i = 1; i <= m; i++) {
			pool.add("检-%05d".formatted(i));
		}
		List<DrawAlgorithm.Conflict> conflicts = new ArrayList<>();
		for (int i = 0; i < 2_000; i++) {
			conflicts.add(new DrawAlgorithm.Conflict(entities.get(random.nextInt(n)).uscc(), pool.get(random.nextInt(m))));
		}
		Map<String, Integer> ratios = new LinkedHashMap<>(Map.of("A", 5, "B", 10, "C", 30, "D", 100));
		DrawAlgorithm.Inputs inputs = new DrawAlgorithm.Inputs(UUID.randomUUID().toString(), "PUBLIC_PLACE", "2026",
				ratios, entities, pool, conflicts);
		Map<String, Long> perClass = new java.util.TreeMap<>();
		entities.forEach(e -> perClass.merge(e.grade(), 1L, Long::sum));
		System.out.printf("algorithm: %,d entities %s, %,d inspectors, %,d conflicts; grading in memory %.0f ms%n", n,
				perClass, m, conflicts.size(), graded / 1e6);
		List<Double> times = new ArrayList<>();
		int picks = 0;
		for (int run = 0; run < 7; run++) {
			long s = System.nanoTime();
			String hash = DrawAlgorithm.planHash(inputs);
			picks = DrawAlgorithm.draw(DrawAlgorithm.seed("run-" + run, hash), inputs).size();
			if (run >= 2) {
				times.add((System.nanoTime() - s) / 1e6);
			}
		}
		times.sort(null);
		System.out.printf("algorithm: plan hash + draw of %,d inspections: median %.0f ms, max %.0f ms (5 runs after 2 warm-ups)%n",
				picks, times.get(2), times.get(4));
	}

	static void product(int n, int m) {
		long s = System.nanoTime();
		ConfigurableApplicationContext app = SpringApplication.run(Tongban.class, "--server.port=0",
				"--tongban.data-dir=target/bench-draw", "--tongban.embedded-postgres.clean=true",
				"--tongban.demo.enabled=true", "--tongban.supervision.demo.entities=" + n,
				"--tongban.scheduling.enabled=false", "--tongban.catalogue.demo-forms=false", "--logging.level.root=WARN");
		try {
			System.out.printf("product: started with the %,d-entity demo district in %.1f s%n", n, (System.nanoTime() - s) / 1e9);
			JdbcClient jdbc = app.getBean(JdbcClient.class);
			Grading grading = app.getBean(Grading.class);
			Inspectors pool = app.getBean(Inspectors.class);
			Draws draws = app.getBean(Draws.class);
			// one sector holds the whole register, so that one draw covers all of it
			jdbc.sql("UPDATE supervision_entity SET sector = 'PUBLIC_PLACE'").update();
			jdbc.sql("UPDATE supervision_inspector SET active = false").update();
			long r = System.nanoTime();
			int regraded = grading.regradeAll();
			System.out.printf("product: regrading all %,d entities after a rule change: %.1f s%n", regraded,
					(System.nanoTime() - r) / 1e9);
			for (int i = 1; i <= m; i++) {
				pool.enrol("检-%05d".formatted(10_000 + i), null, "基准执法人员" + i, List.of(Sector.PUBLIC_PLACE));
			}
			Draws.PlanRequest request = new Draws.PlanRequest("PUBLIC_PLACE", "2026",
					new LinkedHashMap<>(Map.of("A", 5, "B", 10, "C", 30, "D", 100)), null);
			List<Double> planTimes = new ArrayList<>();
			List<Double> drawTimes = new ArrayList<>();
			int picks = 0;
			for (int run = 0; run < 6; run++) {
				long p = System.nanoTime();
				Plan plan = draws.plan(request, "bench");
				long d = System.nanoTime();
				picks = draws.draw(plan.id(), "bench").inspections().size();
				long e = System.nanoTime();
				if (run >= 1) {
					planTimes.add((d - p) / 1e6);
					drawTimes.add((e - d) / 1e6);
				}
			}
			planTimes.sort(null);
			drawTimes.sort(null);
			System.out.printf("product: plan (snapshot of %,d, hash, seed, stored inputs): median %.0f ms, max %.0f ms%n", n,
					planTimes.get(2), planTimes.get(4));
			System.out.printf("product: draw (%,d inspections written and read back): median %.0f ms, max %.0f ms (5 runs after 1 warm-up)%n",
					picks, drawTimes.get(2), drawTimes.get(4));
		}
		finally {
			app.close();
		}
	}
}
