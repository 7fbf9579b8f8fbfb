package org.tongban.guidance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The hybrid search itself, free of Spring and the database so the benchmark can drive it: BM25 and
 * vector rankings of passages fused by reciprocal rank, then folded into one hit per item.
 */
final class SearchEngine implements AutoCloseable {

	/** Rank constant of reciprocal-rank fusion; 60 is the value of the original paper and rarely worth moving. */
	static final int RRF_K = 60;
	static final int CANDIDATES = 50;
	/** BM25's share when choosing the situation: enough to decide without vectors, too little to outvote them. */
	static final double SITUATION_TEXT_WEIGHT = 0.2;

	private final TextIndex text = new TextIndex();
	private final Synonyms synonyms;
	private final Map<Long, Passage> passages = new ConcurrentHashMap<>();
	private final Map<String, List<Long>> byItem = new ConcurrentHashMap<>();
	// equal weights: other settings moved MRR by less than 0.01 on the labelled questions, not worth the bias
	private volatile double textWeight = 1.0;
	private volatile double vectorWeight = 1.0;
	private volatile boolean expand = true;
	private volatile Vectors vectors = Vectors.EMPTY;
	private volatile boolean vectorsStale;

	SearchEngine(Synonyms synonyms) {
		this.synonyms = synonyms;
	}

	/** For measuring what each part contributes (the recall test prints the ablations). */
	void tuning(double text, double vector, boolean synonyms) {
		this.textWeight = text;
		this.vectorWeight = vector;
		this.expand = synonyms;
	}

	/** Replaces all passages of one item. */
	synchronized void replace(String itemCode, Collection<Passage> itemPassages) {
		List<Long> old = byItem.remove(itemCode);
		if (old != null) {
			old.forEach(passages::remove);
		}
		remember(itemPassages);
		text.replace(itemCode, itemPassages);
		text.refresh();
		vectorsStale = true;
	}

	/** Loads many items at once (start-up, benchmark): one refresh at the end. */
	synchronized void load(Collection<Passage> all) {
		// an item already indexed here is newer than what was read from the store
		all = all.stream().filter(p -> !byItem.containsKey(p.doc().itemCode())).toList();
		remember(all);
		try {
			text.add(all);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		text.refresh();
		vectorsStale = true;
	}

	private void remember(Collection<Passage> ps) {
		for (Passage p : ps) {
			passages.put(p.id(), p);
			byItem.computeIfAbsent(p.doc().itemCode(), k -> new ArrayList<>()).add(p.id());
		}
	}

	/** Gives a stored passage the vector computed for it after it was indexed. */
	void vector(long id, float[] vector) {
		passages.computeIfPresent(id, (k, p) -> new Passage(p.id(), p.doc(), vector));
		vectorsStale = true;
	}

	int size() {
		return passages.size();
	}

	List<String> expansions(String question) {
		return expand ? synonyms.expansions(question) : List.of();
	}

	/**
	 * Items for a question, best first. {@code queryVector} is null when the model is not available.
	 * The question must already be bounded (see {@link Question}).
	 */
	List<SearchHit> search(String question, float[] queryVector, int limit) {
		List<String> expansions = expansions(question);
		String expanded = expansions.isEmpty() ? question : question + " " + String.join(" ", expansions);
		Map<Long, Double> fused = new HashMap<>();
		// the situation is chosen with the vectors leading: the answers of the question tree and the
		// descriptions say the same thing in other words far more often than in the same words
		Map<Long, Double> situational = new HashMap<>();
		long[] bm25 = text.search(expanded, CANDIDATES);
		for (int i = 0; i < bm25.length; i++) {
			fused.merge(bm25[i], textWeight / (RRF_K + i + 1), Double::sum);
			situational.merge(bm25[i], SITUATION_TEXT_WEIGHT * textWeight / (RRF_K + i + 1), Double::sum);
		}
		if (queryVector != null && vectorWeight > 0) {
			long[] near = currentVectors().nearest(queryVector, CANDIDATES);
			for (int i = 0; i < near.length; i++) {
				fused.merge(near[i], vectorWeight / (RRF_K + i + 1), Double::sum);
				situational.merge(near[i], vectorWeight / (RRF_K + i + 1), Double::sum);
			}
		}
		return perItem(fused, situational, limit);
	}

	/** An item scores as its best passage; its situation is that of its best passage that has one. */
	private List<SearchHit> perItem(Map<Long, Double> fused, Map<Long, Double> situational, int limit) {
		Map<String, Passage> best = new LinkedHashMap<>();
		Map<String, Double> score = new HashMap<>();
		Map<String, Passage> bestSituation = new HashMap<>();
		List<Map.Entry<Long, Double>> ranked = new ArrayList<>(fused.entrySet());
		ranked.sort(Map.Entry.<Long, Double>comparingByValue().reversed());
		for (Map.Entry<Long, Double> e : ranked) {
			Passage p = passages.get(e.getKey());
			if (p == null) {
				continue; // replaced between the two rankings
			}
			String item = p.doc().itemCode();
			best.putIfAbsent(item, p);
			score.merge(item, e.getValue(), Math::max);
		}
		Map<String, Double> situationScore = new HashMap<>();
		for (Map.Entry<Long, Double> e : situational.entrySet()) {
			Passage p = passages.get(e.getKey());
			if (p != null && p.doc().situationCode() != null
					&& e.getValue() > situationScore.getOrDefault(p.doc().itemCode(), 0.0)) {
				situationScore.put(p.doc().itemCode(), e.getValue());
				bestSituation.put(p.doc().itemCode(), p);
			}
		}
		List<SearchHit> hits = new ArrayList<>();
		for (Map.Entry<String, Passage> e : best.entrySet()) {
			Passage top = e.getValue();
			Passage situated = bestSituation.getOrDefault(e.getKey(), onlySituation(e.getKey()));
			SearchHit.Situation situation = situated == null ? null
					: new SearchHit.Situation(situated.doc().situationCode(), situated.doc().situationName());
			double s = Math.round(score.get(e.getKey()) * 1e5) / 1e5;
			hits.add(new SearchHit(e.getKey(), top.doc().itemName(), situation, snippet(situated != null ? situated : top), s));
		}
		hits.sort(Comparator.comparingDouble(SearchHit::score).reversed());
		return hits.size() > limit ? List.copyOf(hits.subList(0, limit)) : hits;
	}

	/** An item with one situation needs no evidence to name it. */
	private Passage onlySituation(String item) {
		Passage only = null;
		for (Long id : byItem.getOrDefault(item, List.of())) {
			Passage p = passages.get(id);
			if (p != null && p.doc().kind() == SearchDocument.Kind.SITUATION) {
				if (only != null) {
					return null;
				}
				only = p;
			}
		}
		return only;
	}

	private static String snippet(Passage p) {
		String t = p.doc().text();
		return t.length() <= 120 ? t : t.substring(0, 119) + "…";
	}

	private Vectors currentVectors() {
		if (vectorsStale) {
			synchronized (this) {
				if (vectorsStale) {
					vectors = Vectors.of(passages.values());
					vectorsStale = false;
				}
			}
		}
		return vectors;
	}

	@Override
	public void close() throws IOException {
		text.close();
	}
}
