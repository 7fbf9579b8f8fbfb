package org.tongban.guidance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import jakarta.annotation.PreDestroy;

/**
 * Search over the published guides: what people type → the service items and situations they mean.
 * Passages are fed per item through {@link #index}; vectors are computed in the background and kept. Passages
 * of the bundled catalogue take the vectors shipped with the build ({@link ShippedVectors}) once the model has
 * loaded and proved to be the one they were built with; only text edited since is embedded here.
 */
@Service
public class GuideSearch {

	private static final Logger log = LoggerFactory.getLogger(GuideSearch.class);

	static final int MAX_RESULTS = 20;
	private static final long CATCH_UP_NANOS = TimeUnit.SECONDS.toNanos(30);

	private final SearchDocuments store;
	private final TransactionTemplate tx;
	private final Embedder embedder;
	private final SearchEngine engine;
	private volatile boolean loaded;
	// the build's vectors of the bundled catalogue, by text hash; read on the worker once the model has loaded
	private Map<String, float[]> shipped;
	// what this instance last loaded of each item, to notice what other instances have indexed since
	private final Map<String, OffsetDateTime> seen = new ConcurrentHashMap<>();
	private final AtomicLong lastCatchUp = new AtomicLong(System.nanoTime());
	// one worker: index updates and the vector back-fill never race each other
	private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
		Thread t = new Thread(r, "guidance-search");
		t.setDaemon(true);
		return t;
	});

	GuideSearch(SearchDocuments store, TransactionTemplate tx, Embedder embedder) {
		this.store = store;
		this.tx = tx;
		this.embedder = embedder;
		try (var in = new ClassPathResource("data/guidance/synonyms.txt").getInputStream()) {
			this.engine = new SearchEngine(Synonyms.load(in));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Items that fit a question, best first, at most {@code limit} (≤ 20). The question is cut to 200
	 * characters; a question without a letter or digit finds nothing.
	 */
	public List<SearchHit> search(String question, int limit) {
		Question q = Question.of(question);
		if (!q.searchable()) {
			return List.of();
		}
		ensureLoaded();
		long now = System.nanoTime();
		long last = lastCatchUp.get();
		if (now - last > CATCH_UP_NANOS && lastCatchUp.compareAndSet(last, now)) {
			worker.submit(this::catchUp);
		}
		float[] vector = null;
		if (embedder.ready()) {
			List<String> expansions = engine.expansions(q.text());
			vector = embedder.query(expansions.isEmpty() ? q.text() : q.text() + " " + String.join(" ", expansions));
		}
		return engine.search(q.text(), vector, Math.max(1, Math.min(limit, MAX_RESULTS)));
	}

	/**
	 * Replaces the passages of one item with those of its guide's {@code version}; an older version
	 * than the one indexed is ignored. Passages whose text is unchanged keep their vectors.
	 * Synchronized so that the database and the in-memory index see concurrent updates in one order.
	 */
	public synchronized void index(String itemCode, int version, List<SearchDocument> docs) {
		if (docs.stream().anyMatch(d -> !d.itemCode().equals(itemCode))) {
			throw new IllegalArgumentException("all documents must belong to item " + itemCode);
		}
		ensureLoaded();
		List<Passage> passages = tx.execute(status -> {
			if (store.version(itemCode) > version) {
				return null;
			}
			return store.replace(itemCode, version, docs, store.vectorsByHash(itemCode));
		});
		if (passages == null) {
			log.info("Search: ignored version {} of {}, a later one is indexed", version, itemCode);
			return;
		}
		engine.replace(itemCode, passages);
		OffsetDateTime indexedAt = store.indexedAt().get(itemCode);
		if (indexedAt != null) {
			seen.put(itemCode, indexedAt);
		}
		if (passages.stream().anyMatch(p -> p.vector() == null)) {
			worker.submit(this::embedMissing);
		}
	}

	/**
	 * The in-memory index from the stored passages (no embedding; ≈ 0.3 s for the 62 items), then, in the
	 * background, the model and vectors for passages that have none. Done at first use rather than at
	 * start-up: it keeps start-up lean and spares the CPU while everything else is starting.
	 */
	private void ensureLoaded() {
		if (loaded) {
			return;
		}
		synchronized (this) {
			if (!loaded) {
				long t0 = System.nanoTime();
				seen.putAll(store.indexedAt()); // read first: anything indexed meanwhile is caught up later
				List<Passage> all = store.all();
				engine.load(all);
				loaded = true;
				log.info("Search: {} stored passages indexed in {} ms", all.size(), (System.nanoTime() - t0) / 1_000_000);
				worker.submit(this::embedMissing);
			}
		}
	}

	/**
	 * Takes over what other instances behind the load balancer have indexed (or embedded) since: each
	 * instance holds its own in-memory index, so each looks, at most every 30 seconds, when searched.
	 */
	synchronized void catchUp() {
		Map<String, OffsetDateTime> current = store.indexedAt();
		for (Map.Entry<String, OffsetDateTime> e : current.entrySet()) {
			if (!e.getValue().equals(seen.get(e.getKey()))) {
				engine.replace(e.getKey(), store.of(e.getKey()));
				seen.put(e.getKey(), e.getValue());
			}
		}
	}

	/** Embeds, in the background, passages that have no vector yet. */
	void embedPending() {
		worker.submit(this::embedMissing);
	}

	/** Runs work on the search's own thread, off the start-up path (the interim catalogue feed seeds there). */
	void inBackground(Runnable work) {
		worker.submit(work);
	}

	boolean isEmpty() {
		return store.isEmpty();
	}

	private void embedMissing() {
		if (!embedder.load()) {
			return;
		}
		int done = 0;
		int shippedUsed = 0;
		if (shipped == null) {
			shipped = ShippedVectors.forModel(embedder);
		}
		try {
			List<Passage> batch;
			long previousFirst = -1;
			// a batch that starts where the last one did was not stored: stop rather than spin
			while (!(batch = store.unembedded(64)).isEmpty() && batch.get(0).id() != previousFirst) {
				previousFirst = batch.get(0).id();
				Set<String> items = new HashSet<>();
				for (Passage p : batch) {
					if (Thread.currentThread().isInterrupted()) {
						log.info("Search: embedding paused for shutdown after {} passages; the rest follow at the next start", done);
						return;
					}
					String text = p.doc().embeddingText();
					float[] v = shipped.get(java.util.HexFormat.of().formatHex(SearchDocuments.hash(text)));
					if (v == null) {
						v = embedder.passage(text);
						done++;
					}
					else {
						shippedUsed++;
					}
					store.vector(p.id(), v);
					engine.vector(p.id(), v);
					items.add(p.doc().itemCode());
				}
				store.touch(items);
			}
		}
		catch (RuntimeException ex) {
			// the executor would swallow it; the passages keep a null vector and BM25 still finds them
			log.warn("Search: embedding stopped after {} passages: {}", done, ex.toString());
		}
		if (done > 0 || shippedUsed > 0) {
			log.info("Search: embedded {} passages, took {} vectors shipped with the build", done, shippedUsed);
		}
	}

	/** Waits until queued indexing and embedding work is done (tests, benchmarks). */
	void awaitIdle(long timeout, TimeUnit unit) throws Exception {
		ensureLoaded();
		Future<?> marker = worker.submit(() -> { });
		marker.get(timeout, unit);
	}

	void tuning(double textWeight, double vectorWeight, boolean synonyms) {
		engine.tuning(textWeight, vectorWeight, synonyms);
	}

	long passagesEmbedded() {
		return embedder.passagesEmbedded();
	}

	/**
	 * Stops the worker and waits for it: a passage being embedded finishes (tens of milliseconds), the rest wait
	 * for the next start. Leaving it running would have the model's native code run on while the JVM exits,
	 * which crashes it (SIGSEGV in onnxruntime) before the embedded database is stopped.
	 */
	@PreDestroy
	void stop() throws IOException, InterruptedException {
		worker.shutdownNow();
		if (!worker.awaitTermination(30, TimeUnit.SECONDS)) {
			log.warn("Search: the search worker did not stop within 30 s");
		}
		engine.close();
	}
}
