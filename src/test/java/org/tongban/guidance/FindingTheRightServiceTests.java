package org.tongban.guidance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.io.ClassPathResource;

/**
 * People ask in their own words and find the item they mean among the first five: Recall@5 and MRR
 * over the labelled questions in {@code search/questions.tsv}, written before the engine was tuned.
 */
@SpringBootTest
class FindingTheRightServiceTests {

	/** {@code holdOut}: written after tuning and never tuned against, so its figure is the honest one. */
	record Labelled(String question, String item, String situation, boolean holdOut) {
	}

	@Autowired
	GuideSearch search;

	@Test
	void citizensAndBusinessesFindTheirItemAmongTheFirstFive() throws Exception {
		search.awaitIdle(5, TimeUnit.MINUTES);
		List<Labelled> questions = questions();
		assertThat(questions).hasSizeGreaterThanOrEqualTo(110);
		try {
			// what each part contributes: printed, not asserted
			search.tuning(1, 0, true);
			measure("BM25 + synonyms", questions, false);
			search.tuning(1, 0, false);
			measure("BM25 alone", questions, false);
			search.tuning(0, 1, false);
			measure("vectors alone", questions, false);
			search.tuning(1, 1, false);
			measure("hybrid without synonyms", questions, false);
		}
		finally {
			search.tuning(1, 1, true);
		}
		measure("hybrid, hold-out only", questions.stream().filter(Labelled::holdOut).toList(), false);
		double recall = measure("hybrid (as shipped)", questions, true);
		assertThat(recall).as("Recall@5").isGreaterThanOrEqualTo(0.85);
	}

	private double measure(String variant, List<Labelled> questions, boolean showMisses) {
		int found = 0;
		int situationRight = 0;
		double reciprocal = 0;
		List<String> misses = new ArrayList<>();
		for (Labelled l : questions) {
			List<SearchHit> hits = search.search(l.question(), 10);
			int rank = 0;
			for (int i = 0; i < hits.size(); i++) {
				if (hits.get(i).code().equals(l.item())) {
					rank = i + 1;
					break;
				}
			}
			if (rank > 0) {
				reciprocal += 1.0 / rank;
			}
			if (rank >= 1 && rank <= 5) {
				found++;
				SearchHit.Situation s = hits.get(rank - 1).situation();
				if (l.situation() != null && s != null && s.code().equals(l.situation())) {
					situationRight++;
				}
			}
			else {
				misses.add(l.question() + " → expected " + l.item() + ", got "
						+ hits.stream().limit(3).map(SearchHit::code).toList());
			}
		}
		double recall = (double) found / questions.size();
		double mrr = reciprocal / questions.size();
		long withSituation = questions.stream().filter(l -> l.situation() != null).count();
		System.out.printf("Search quality, %s, %d questions: Recall@5 = %.3f, MRR = %.3f, situation right = %d/%d%n",
				variant, questions.size(), recall, mrr, situationRight, withSituation);
		if (showMisses) {
			misses.forEach(m -> System.out.println("  miss: " + m));
		}
		return recall;
	}

	static List<Labelled> questions() throws Exception {
		List<Labelled> out = new ArrayList<>();
		try (var r = new BufferedReader(new InputStreamReader(
				new ClassPathResource("search/questions.tsv").getInputStream(), StandardCharsets.UTF_8))) {
			String line;
			boolean holdOut = false;
			while ((line = r.readLine()) != null) {
				if (line.startsWith("#")) {
					holdOut |= line.contains("hold-out");
					continue;
				}
				if (line.isBlank()) {
					continue;
				}
				String[] f = line.split("\t");
				out.add(new Labelled(f[0].strip(), f[1].strip(), f.length > 2 && !f[2].isBlank() ? f[2].strip() : null,
						holdOut));
			}
		}
		return out;
	}
}
