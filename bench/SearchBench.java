package org.tongban.guidance;

import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.yaml.snakeyaml.Yaml;

/**
 * Search benchmark (run through bench/search.sh, never by the unit tests). Generates N guides as
 * perturbed variants of the 62 catalogue items, indexes them in the engine the application uses and
 * times queries end to end (query embedding + BM25 + vector scan + fusion). Compiled into the
 * guidance package so it drives the package-private engine without Spring or a database.
 */
public class SearchBench {

	static final String[] PREFIXES = { "浦东", "临港", "张江", "陆家嘴", "金桥", "外高桥", "川沙", "周浦", "惠南", "高桥" };
	static final String[] SUFFIXES = { "（试点）", "（告知承诺）", "（全程网办）", "（跨区通办）", "（一件事）", "" };

	public static void main(String[] args) throws Exception {
		int guides = args.length > 0 ? Integer.parseInt(args[0]) : 5000;
		int queries = args.length > 1 ? Integer.parseInt(args[1]) : 300;
		// "real": every generated passage goes through the model; "noisy": variants reuse their original's vector plus noise
		boolean embedAll = !(args.length > 2 && args[2].equals("noisy"));
		Path questionsFile = Path.of("src/test/resources/search/questions.tsv");
		Random random = new Random(42);

		List<List<SearchDocument>> originals = new ArrayList<>();
		for (Resource r : new PathMatchingResourcePatternResolver().getResources("classpath*:data/catalogue/items/*.yml")) {
			try (InputStream in = r.getInputStream()) {
				originals.add(CatalogueFeed.documents(new Yaml().load(in)));
			}
		}
		Embedder embedder = new Embedder();
		long t0 = System.nanoTime();
		if (!embedder.load()) {
			System.out.println("embedding model did not load: BM25 only");
		}
		System.out.printf("model load: %d ms%n", (System.nanoTime() - t0) / 1_000_000);

		// Real vectors for every original passage (timed); variants are embedded too unless "noisy" is asked for.
		Map<String, float[]> originalVectors = new HashMap<>();
		int originalPassages = 0;
		t0 = System.nanoTime();
		for (List<SearchDocument> item : originals) {
			for (SearchDocument d : item) {
				originalPassages++;
				if (embedder.ready()) {
					originalVectors.put(d.embeddingText(), embedder.passage(d.embeddingText()));
				}
			}
		}
		double embedMs = (System.nanoTime() - t0) / 1e6;
		System.out.printf("embedded %d real passages in %.0f ms (%.1f ms/passage)%n", originalPassages, embedMs,
				embedMs / originalPassages);

		List<Passage> passages = new ArrayList<>();
		long id = 1;
		long embedStart = System.nanoTime();
		int embedded = 0;
		for (int g = 0; g < guides; g++) {
			List<SearchDocument> item = originals.get(g % originals.size());
			String code = item.get(0).itemCode() + "-V" + g;
			String name = PREFIXES[random.nextInt(PREFIXES.length)] + shuffle(item.get(0).itemName(), random, 0.15)
					+ SUFFIXES[random.nextInt(SUFFIXES.length)];
			List<SearchDocument> docs = new ArrayList<>(item);
			Collections.shuffle(docs, random);
			for (SearchDocument d : docs) {
				SearchDocument v = new SearchDocument(code, name, d.itemType(), d.situationCode(), d.situationName(), d.kind(),
						shuffle(d.text(), random, 0.1), d.keywords());
				float[] vector;
				if (!embedder.ready()) {
					vector = null;
				}
				else if (embedAll) {
					vector = embedder.passage(v.embeddingText());
					embedded++;
				}
				else {
					vector = noisy(originalVectors.get(d.embeddingText()), random);
				}
				passages.add(new Passage(id++, v, vector));
			}
		}
		double allMs = (System.nanoTime() - embedStart) / 1e6;
		System.out.printf("generated %d guides, %d passages; %s%n", guides, passages.size(), embedAll
				? String.format("all %d embedded by the model in %.0f s (%.1f ms/passage)", embedded, allMs / 1000, allMs / Math.max(1, embedded))
				: "vectors of variants = original's vector + Gaussian noise (σ 0.02), not embedded");

		gc();
		long heapBefore = usedHeap();
		t0 = System.nanoTime();
		SearchEngine engine = new SearchEngine(Synonyms.load(Files.newInputStream(Path.of("src/main/resources/data/guidance/synonyms.txt"))));
		engine.load(passages);
		engine.search("预热", embedder.query("预热"), 10); // builds the vector table
		double buildMs = (System.nanoTime() - t0) / 1e6;
		passages = null;
		gc();
		long heapAfter = usedHeap();
		System.out.printf("index build (Lucene + vector table, vectors given): %.0f ms; heap held by the index ≈ %d MB%n",
				buildMs, (heapAfter - heapBefore) / (1024 * 1024));

		List<String> questions = new ArrayList<>();
		for (String line : Files.readAllLines(questionsFile, StandardCharsets.UTF_8)) {
			if (!line.isBlank() && !line.startsWith("#")) {
				questions.add(line.split("\t")[0]);
			}
		}
		List<String> workload = new ArrayList<>();
		while (workload.size() < queries) {
			String q = questions.get(random.nextInt(questions.size()));
			workload.add(random.nextBoolean() ? q : shuffle(q, random, 0.2));
		}
		for (int i = 0; i < 100; i++) { // warm-up
			String q = workload.get(i % workload.size());
			engine.search(q, embedder.query(q), 10);
		}
		long[] total = new long[workload.size()];
		long[] embedOnly = new long[workload.size()];
		for (int i = 0; i < workload.size(); i++) {
			String q = Question.of(workload.get(i)).text();
			long s = System.nanoTime();
			float[] v = embedder.query(q);
			long e = System.nanoTime();
			engine.search(q, v, 10);
			total[i] = System.nanoTime() - s;
			embedOnly[i] = e - s;
		}
		System.out.printf("%d queries, end to end: p50 %.1f ms, p99 %.1f ms, max %.1f ms (of which query embedding p50 %.1f ms, p99 %.1f ms)%n",
				workload.size(), pct(total, 50), pct(total, 99), pct(total, 100), pct(embedOnly, 50), pct(embedOnly, 99));
		engine.close();
	}

	/** Swaps a share of neighbouring characters: same words, perturbed order, as a stand-in for varied wording. */
	static String shuffle(String s, Random random, double share) {
		char[] c = s.toCharArray();
		for (int i = 0; i + 1 < c.length; i++) {
			if (random.nextDouble() < share) {
				char t = c[i];
				c[i] = c[i + 1];
				c[i + 1] = t;
				i++;
			}
		}
		return new String(c);
	}

	static float[] noisy(float[] v, Random random) {
		float[] out = Arrays.copyOf(v, v.length);
		for (int i = 0; i < out.length; i++) {
			out[i] += (float) (random.nextGaussian() * 0.02);
		}
		return Embedder.normalised(out);
	}

	static double pct(long[] nanos, int p) {
		long[] s = nanos.clone();
		Arrays.sort(s);
		int i = Math.min(s.length - 1, (int) Math.ceil(p / 100.0 * s.length) - 1);
		return s[Math.max(0, i)] / 1e6;
	}

	static void gc() throws InterruptedException {
		for (int i = 0; i < 3; i++) {
			System.gc();
			Thread.sleep(100);
		}
	}

	static long usedHeap() {
		return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
	}
}
