package org.tongban.guidance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;

/**
 * BM25 over smartcn tokens, in memory: it is rebuilt from the stored passages in a second at start-up.
 * Queries are built term by term from the analyser's tokens, never parsed, so no input is Lucene syntax.
 */
final class TextIndex implements AutoCloseable {

	private static final String ID = "id";
	private static final String ITEM = "item";

	/** Field → boost: the names and the colloquial keywords say more than the body text. */
	private static final String[] FIELDS = { "name", "keywords", "situation", "body" };
	private static final float[] BOOSTS = { 3f, 3f, 2f, 1f };

	/** Question words that occur in every question and in no guide's meaning. */
	private static final Set<String> QUESTION_WORDS = Set.of("怎么", "怎么办", "怎样", "如何", "什么", "哪里", "哪些", "在哪",
			"吗", "呢", "吧", "啊", "了", "的", "我", "想", "要", "能", "可以", "需要", "还", "一个", "个", "去", "请问", "办", "哪");

	private static final int MAX_TOKENS = 64;

	private final Analyzer analyzer = new SmartChineseAnalyzer();
	private final IndexWriter writer;
	private final SearcherManager searchers;

	TextIndex() {
		try {
			writer = new IndexWriter(new ByteBuffersDirectory(), new IndexWriterConfig(analyzer).setRAMBufferSizeMB(64));
			searchers = new SearcherManager(writer, null);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	void replace(String itemCode, Collection<Passage> passages) {
		try {
			writer.deleteDocuments(new Term(ITEM, itemCode));
			add(passages);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	void add(Collection<Passage> passages) throws IOException {
		List<Document> docs = new ArrayList<>(passages.size());
		for (Passage p : passages) {
			SearchDocument d = p.doc();
			Document doc = new Document();
			doc.add(new StoredField(ID, p.id()));
			doc.add(new LongPoint(ID, p.id()));
			doc.add(new StringField(ITEM, d.itemCode(), Field.Store.NO));
			doc.add(new TextField("name", d.itemName(), Field.Store.NO));
			doc.add(new TextField("keywords", String.join("，", d.keywords()), Field.Store.NO));
			doc.add(new TextField("situation", d.situationName() == null ? "" : d.situationName(), Field.Store.NO));
			doc.add(new TextField("body", d.text(), Field.Store.NO));
			docs.add(doc);
		}
		writer.addDocuments(docs);
	}

	/** Makes the changes so far visible to searches. */
	void refresh() {
		try {
			searchers.maybeRefreshBlocking();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Passage ids, best first. */
	long[] search(String text, int limit) {
		Query query = query(text);
		if (query == null) {
			return new long[0];
		}
		try {
			IndexSearcher searcher = searchers.acquire();
			try {
				ScoreDoc[] hits = searcher.search(query, limit).scoreDocs;
				long[] ids = new long[hits.length];
				var stored = searcher.storedFields();
				for (int i = 0; i < hits.length; i++) {
					ids[i] = stored.document(hits[i].doc).getField(ID).numericValue().longValue();
				}
				return ids;
			}
			finally {
				searchers.release(searcher);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	Query query(String text) {
		Set<String> tokens = tokens(text);
		if (tokens.isEmpty()) {
			return null;
		}
		BooleanQuery.Builder q = new BooleanQuery.Builder();
		for (String token : tokens) {
			for (int f = 0; f < FIELDS.length; f++) {
				q.add(new BoostQuery(new TermQuery(new Term(FIELDS[f], token)), BOOSTS[f]), Occur.SHOULD);
			}
		}
		return q.build();
	}

	Set<String> tokens(String text) {
		Set<String> tokens = new LinkedHashSet<>();
		try (TokenStream ts = analyzer.tokenStream("body", text)) {
			CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
			ts.reset();
			while (ts.incrementToken() && tokens.size() < MAX_TOKENS) {
				String t = term.toString();
				if (!QUESTION_WORDS.contains(t)) {
					tokens.add(t);
				}
			}
			ts.end();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return tokens;
	}

	@Override
	public void close() throws IOException {
		searchers.close();
		writer.close();
	}
}
