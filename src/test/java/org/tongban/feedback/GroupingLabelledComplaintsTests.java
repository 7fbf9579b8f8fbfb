package org.tongban.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.tongban.guidance.TextVectors;

/**
 * How well the product groups complaints: 204 complaint texts written for this test (25 problems with the Pudong
 * health commission's items and services, 7–8 phrasings each, and 29 one-off remarks), grouped through the real model
 * and the configured threshold, both ways the product groups (nightly agglomeration, and placing one at a time in the
 * order of the file), scored by B-cubed precision (purity) and recall. The bounds sit just below what was measured
 * (README, 性能), so a change that groups worse fails.
 */
class GroupingLabelledComplaintsTests extends FeedbackIntegrationTest {

	@Autowired
	TextVectors vectors;

	@Autowired
	ClusterSettings settings;

	@Test
	void similarComplaintsEndUpTogetherAndDifferentOnesApart() throws Exception {
		List<String> labels = new ArrayList<>();
		List<float[]> vs = new ArrayList<>();
		for (String line : Files.readAllLines(Path.of("src/test/resources/feedback/labelled-complaints.tsv"),
				StandardCharsets.UTF_8)) {
			if (line.isBlank() || line.startsWith("#")) {
				continue;
			}
			String[] parts = line.split("\t", 2);
			labels.add(parts[0]);
			vs.add(vectors.embed(parts[1]));
		}
		assertThat(labels).hasSizeGreaterThanOrEqualTo(200);
		assertThat(vs).doesNotContainNull();
		float[][] v = vs.toArray(float[][]::new);
		String[] truth = labels.toArray(String[]::new);

		List<List<Integer>> nightly = Grouping.agglomerate(v, settings.threshold());
		double[] n = Grouping.bCubed(nightly, truth);

		List<float[]> sums = new ArrayList<>();
		List<Integer> sizes = new ArrayList<>();
		List<List<Integer>> online = new ArrayList<>();
		for (int i = 0; i < v.length; i++) {
			int g = Grouping.place(v[i], sums, sizes, settings.threshold());
			if (g < 0) {
				sums.add(v[i].clone());
				sizes.add(1);
				online.add(new ArrayList<>(List.of(i)));
			}
			else {
				Complaints.add(sums.get(g), v[i]);
				sizes.set(g, sizes.get(g) + 1);
				online.get(g).add(i);
			}
		}
		double[] o = Grouping.bCubed(online, truth);
		System.out.printf("Grouping %d labelled complaints at threshold %.2f: nightly %d clusters, B-cubed precision %.3f,"
				+ " recall %.3f; one at a time %d clusters, precision %.3f, recall %.3f%n", v.length, settings.threshold(),
				nightly.size(), n[0], n[1], online.size(), o[0], o[1]);
		assertThat(n[0]).as("nightly precision").isGreaterThanOrEqualTo(0.92);
		assertThat(n[1]).as("nightly recall").isGreaterThanOrEqualTo(0.66);
		assertThat(o[0]).as("placement precision").isGreaterThanOrEqualTo(0.91);
		assertThat(o[1]).as("placement recall").isGreaterThanOrEqualTo(0.67);
	}
}
