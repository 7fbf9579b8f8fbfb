package org.tongban.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The grouping rules on small hand-made unit vectors, where the right answer can be worked out on paper. */
class ClusteringAlgorithmTests {

	static float[] unit(double... xs) {
		double n = 0;
		for (double x : xs) {
			n += x * x;
		}
		float[] v = new float[xs.length];
		for (int i = 0; i < xs.length; i++) {
			v[i] = (float) (xs[i] / Math.sqrt(n));
		}
		return v;
	}

	@Test
	void averageLinkageMergesWhileTheAverageSimilarityReachesTheThreshold() {
		float[][] v = { unit(1, 0.1, 0), unit(1, 0, 0.1), unit(0, 1, 0.1), unit(0.1, 1, 0), unit(0, 0, 1) };
		assertThat(Grouping.agglomerate(v, 0.9)).containsExactly(List.of(0, 1), List.of(2, 3), List.of(4));
		// at a low threshold everything ends in one group, at one above every similarity nothing merges
		assertThat(Grouping.agglomerate(v, -1)).containsExactly(List.of(0, 1, 2, 3, 4));
		assertThat(Grouping.agglomerate(v, 1.01)).hasSize(5);
	}

	@Test
	void averageNotSingleLinkage() {
		// a chain a–b–c: a·b = b·c = 0.8 but a·c = 0.28; single linkage would chain all three at 0.75,
		// average linkage joins c to {a, b} only if (0.8 + 0.28) / 2 = 0.54 reaches the threshold
		double t = Math.acos(0.8);
		float[][] v = { unit(1, 0), unit(Math.cos(t), Math.sin(t)), unit(Math.cos(2 * t), Math.sin(2 * t)) };
		assertThat(Grouping.agglomerate(v, 0.75)).hasSize(2);
		assertThat(Grouping.agglomerate(v, 0.5)).hasSize(1);
	}

	@Test
	void aNewComplaintJoinsTheGroupItIsOnAverageMostSimilarTo() {
		float[] a = unit(1, 0, 0);
		float[] b = unit(0.9, 0.1, 0);
		float[] c = unit(0, 1, 0);
		List<float[]> sums = new ArrayList<>(List.of(Complaints.add(a.clone(), b), c.clone()));
		List<Integer> sizes = List.of(2, 1);
		assertThat(Grouping.averageSimilarity(unit(1, 0.05, 0), sums.get(0), 2)).isGreaterThan(0.99);
		assertThat(Grouping.place(unit(1, 0.05, 0), sums, sizes, 0.9)).isEqualTo(0);
		assertThat(Grouping.place(unit(0.05, 1, 0), sums, sizes, 0.9)).isEqualTo(1);
		assertThat(Grouping.place(unit(0, 0, 1), sums, sizes, 0.9)).isEqualTo(-1);
		assertThat(Grouping.place(unit(1, 0, 0), List.of(), List.of(), 0.9)).isEqualTo(-1);
	}

	@Test
	void bCubedScoresAGroupingAgainstTheTruth() {
		String[] labels = { "x", "x", "y", "y" };
		assertThat(Grouping.bCubed(List.of(List.of(0, 1), List.of(2, 3)), labels)).containsExactly(1.0, 1.0);
		assertThat(Grouping.bCubed(List.of(List.of(0, 1, 2, 3)), labels)).containsExactly(0.5, 1.0);
		assertThat(Grouping.bCubed(List.of(List.of(0), List.of(1), List.of(2), List.of(3)), labels)).containsExactly(1.0, 0.5);
	}
}
