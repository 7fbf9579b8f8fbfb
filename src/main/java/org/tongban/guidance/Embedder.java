package org.tongban.guidance;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallzhv15q.BgeSmallZhV15QuantizedEmbeddingModel;

/**
 * The bge-small-zh model, loaded once off the start-up path. Until it has loaded, and for good if it
 * cannot load (no native library for the platform, say), callers get null and search runs on BM25 alone.
 */
@Component
class Embedder {

	private static final Logger log = LoggerFactory.getLogger(Embedder.class);

	/** The bge-zh instruction for short queries against passages; it lifts retrieval for questions. */
	static final String QUERY_INSTRUCTION = "为这个句子生成表示以用于检索相关文章：";

	private final Supplier<EmbeddingModel> loader;
	private final AtomicLong passages = new AtomicLong();
	private volatile EmbeddingModel model;
	private volatile boolean failed;

	@Autowired
	Embedder() {
		this(BgeSmallZhV15QuantizedEmbeddingModel::new);
	}

	Embedder(Supplier<EmbeddingModel> loader) {
		this.loader = loader;
	}

	/** Loads the model if nobody has tried yet; true when it is usable. Blocks for about a second. */
	synchronized boolean load() {
		if (model == null && !failed) {
			long start = System.nanoTime();
			try {
				model = loader.get();
				log.info("Search: embedding model loaded in {} ms", (System.nanoTime() - start) / 1_000_000);
			}
			catch (RuntimeException | LinkageError ex) {
				failed = true;
				log.warn("Search: embedding model could not be loaded, searching with BM25 only: {}", ex.toString());
			}
		}
		return model != null;
	}

	boolean ready() {
		return model != null;
	}

	/** The question's vector, or null while the model is not there (never waits for it to load). */
	float[] query(String question) {
		EmbeddingModel m = model;
		return m == null ? null : normalised(m.embed(QUERY_INSTRUCTION + question).content().vector());
	}

	/** A passage's vector; the model must have been loaded. */
	float[] passage(String text) {
		EmbeddingModel m = model;
		if (m == null) {
			throw new IllegalStateException("embedding model not loaded");
		}
		passages.incrementAndGet();
		return normalised(m.embed(text).content().vector());
	}

	/** A text's vector for comparing models (not counted as a passage); null while the model is not there. */
	float[] probe(String text) {
		EmbeddingModel m = model;
		return m == null ? null : normalised(m.embed(text).content().vector());
	}

	/** How many passages were embedded since start: unchanged text must never be embedded again. */
	long passagesEmbedded() {
		return passages.get();
	}

	static float[] normalised(float[] v) {
		double sum = 0;
		for (float x : v) {
			sum += x * x;
		}
		float inv = sum == 0 ? 0f : (float) (1 / Math.sqrt(sum));
		float[] out = new float[v.length];
		for (int i = 0; i < v.length; i++) {
			out[i] = v[i] * inv;
		}
		return out;
	}
}
