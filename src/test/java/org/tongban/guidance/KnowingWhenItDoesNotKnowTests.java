package org.tongban.guidance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.io.ClassPathResource;
import org.springframework.transaction.support.TransactionTemplate;
import org.tongban.catalogue.Catalogue;

/**
 * The assistant answers "not found" to every question that is not about a guide, and grounds the questions
 * that are on the right item: measured on the labelled set {@code guidance/assistant-relevance.tsv}, once with
 * the embedding model loaded (as in production once it has loaded) and once on keywords alone (while it loads,
 * or where it cannot). The figures are printed and go into the README (智能问答).
 */
@SpringBootTest
class KnowingWhenItDoesNotKnowTests {

	static final double RECALL_GOAL = 0.95;

	/** {@code heldOut}: written after the rule was settled (below the "# Held out" line), never used to tune it. */
	record Labelled(String question, String label, boolean heldOut) {
		boolean inScope() {
			return !label.startsWith("OUT:");
		}
	}

	static List<Labelled> set;

	@Autowired
	Assistant assistant;

	@Autowired
	GuideSearch search;

	@Autowired
	SearchDocuments store;

	@Autowired
	TransactionTemplate tx;

	@Autowired
	Catalogue catalogue;

	@Autowired
	ChatModel model;

	@Autowired
	MaterialVocabulary vocabulary;

	@Autowired
	Embedder embedder;

	@BeforeAll
	static void read() throws Exception {
		set = new ArrayList<>();
		try (var r = new BufferedReader(new InputStreamReader(
				new ClassPathResource("guidance/assistant-relevance.tsv").getInputStream(), StandardCharsets.UTF_8))) {
			String line;
			boolean heldOut = false;
			while ((line = r.readLine()) != null) {
				if (line.startsWith("# Held out")) {
					heldOut = true;
				}
				if (line.isBlank() || line.startsWith("#")) {
					continue;
				}
				String[] f = line.split("\t");
				set.add(new Labelled(f[0], f[1].strip(), heldOut));
			}
		}
	}

	@Test
	void theLabelledSetIsLargeAndCoversEveryKindOfStrayQuestion() {
		assertThat(set).hasSizeGreaterThanOrEqualTo(200);
		assertThat(set.stream().filter(l -> !l.inScope()).map(Labelled::label).distinct())
			.contains("OUT:small-talk", "OUT:weather", "OUT:other-agency", "OUT:place-name", "OUT:nonsense",
					"OUT:prompt-injection");
	}

	@Test
	void withTheModelLoadedNoStrayQuestionIsGroundedAndInScopeQuestionsFindTheirItem() throws Exception {
		search.awaitIdle(5, TimeUnit.MINUTES);
		assertThat(embedder.ready()).as("the bundled bge-small-zh model loads in tests").isTrue();
		measure("embedding model loaded", assistant);
	}

	@Test
	void onKeywordsAloneNoStrayQuestionIsGroundedAndInScopeQuestionsFindTheirItem() throws Exception {
		Embedder none = new Embedder(() -> {
			throw new UnsatisfiedLinkError("keywords only for this measurement");
		});
		none.load();
		GuideSearch keywords = new GuideSearch(store, tx, none);
		try {
			measure("keywords only", new Assistant(keywords, catalogue, model, vocabulary, none));
		}
		finally {
			keywords.stop();
		}
	}

	private void measure(String mode, Assistant a) {
		int inScope = 0;
		int right = 0;
		int grounded = 0;
		int groundedRight = 0;
		int strayGrounded = 0;
		int heldIn = 0;
		int heldRight = 0;
		int heldOutOfScope = 0;
		int heldStrays = 0;
		Map<String, Integer> strays = new TreeMap<>();
		List<String> misses = new ArrayList<>();
		long t0 = System.nanoTime();
		for (Labelled l : set) {
			Answer answer = a.ask(l.question());
			String code = answer.grounded() && !answer.citations().isEmpty() ? answer.citations().get(0).code() : null;
			if (answer.grounded()) {
				grounded++;
			}
			if (l.heldOut()) {
				if (l.inScope()) {
					heldIn++;
					heldRight += l.label().equals(code) ? 1 : 0;
				}
				else {
					heldOutOfScope++;
					heldStrays += answer.grounded() ? 1 : 0;
				}
			}
			if (l.inScope()) {
				inScope++;
				if (l.label().equals(code)) {
					right++;
					groundedRight++;
				}
				else {
					misses.add(l.question() + " → " + (code == null ? "not found" : code) + " (want " + l.label() + ")");
				}
			}
			else {
				strays.merge(l.label(), 0, Integer::sum);
				if (answer.grounded()) {
					strayGrounded++;
					strays.merge(l.label(), 1, Integer::sum);
					misses.add(l.question() + " → " + code + " (want not found)");
					assertThat(answer.answer()).isNotNull();
				}
				else {
					assertThat(answer.answer()).contains("没有找到").contains("12345");
					assertThat(answer.citations()).isEmpty();
				}
			}
		}
		double recall = (double) right / inScope;
		double precision = grounded == 0 ? 1 : (double) groundedRight / grounded;
		System.out.printf("Assistant relevance (%s): %d questions (%d in scope, %d out of scope); "
				+ "precision of grounded answers %.3f (%d/%d), grounded out-of-scope answers %d, in-scope recall %.3f (%d/%d), %d ms%n",
				mode, set.size(), inScope, set.size() - inScope, precision, groundedRight, grounded, strayGrounded,
				recall, right, inScope, (System.nanoTime() - t0) / 1_000_000);
		System.out.println("Grounded out-of-scope answers by kind: " + strays);
		System.out.printf("Held-out part (%s): in-scope recall %d/%d, grounded out-of-scope answers %d/%d%n", mode,
				heldRight, heldIn, heldStrays, heldOutOfScope);
		misses.forEach(m -> System.out.println("  miss: " + m));
		assertThat(strayGrounded).as("grounded answers to out-of-scope questions (%s): %s", mode, misses).isZero();
		assertThat(recall).as("in-scope recall (%s): %s", mode, misses).isGreaterThanOrEqualTo(RECALL_GOAL);
	}
}
