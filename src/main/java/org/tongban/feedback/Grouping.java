package org.tongban.feedback;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * How complaints are grouped, on unit vectors (so a dot product is the cosine). Both ways use one criterion,
 * the average similarity between groups (average linkage, UPGMA): the nightly regrouping merges the two most
 * similar groups while their average pairwise similarity is at least the threshold; a new complaint joins the
 * group whose members it is on average most similar to, if that average reaches the threshold. A group's sum
 * vector makes the second exact and cheap: mean(v·m) over members m = v·Σm / n.
 */
final class Grouping {

	private Grouping() {
	}

	static float dot(float[] a, float[] b) {
		float s = 0;
		for (int i = 0; i < a.length; i++) {
			s += a[i] * b[i];
		}
		return s;
	}

	/** The average similarity of {@code v} to the members of a group with this sum vector and size. */
	static double averageSimilarity(float[] v, float[] sum, int size) {
		return size == 0 ? 0 : dot(v, sum) / size;
	}

	/** The index of the group {@code v} joins (sums and sizes in parallel), or -1 when none reaches the threshold. */
	static int place(float[] v, List<float[]> sums, List<Integer> sizes, double threshold) {
		int best = -1;
		double bestSim = threshold;
		for (int g = 0; g < sums.size(); g++) {
			double s = averageSimilarity(v, sums.get(g), sizes.get(g));
			if (s >= bestSim && (best < 0 || s > bestSim)) {
				best = g;
				bestSim = s;
			}
		}
		return best;
	}

	/**
	 * Average-linkage agglomerative clustering stopped at {@code threshold}: the groups as lists of indexes into
	 * {@code vectors}, each in ascending order, groups ordered by their smallest index. O(n²) memory and about
	 * O(n²) time for well separated data (nearest-neighbour chains are kept per row).
	 */
	static List<List<Integer>> agglomerate(float[][] vectors, double threshold) {
		int n = vectors.length;
		float[][] sim = new float[n][n];
		for (int i = 0; i < n; i++) {
			for (int j = i + 1; j < n; j++) {
				sim[i][j] = sim[j][i] = dot(vectors[i], vectors[j]);
			}
		}
		int[] size = new int[n];
		Arrays.fill(size, 1);
		boolean[] active = new boolean[n];
		Arrays.fill(active, true);
		List<List<Integer>> members = new ArrayList<>(n);
		for (int i = 0; i < n; i++) {
			members.add(new ArrayList<>(List.of(i)));
		}
		int[] nn = new int[n];
		float[] nnSim = new float[n];
		for (int i = 0; i < n; i++) {
			nearest(i, sim, active, nn, nnSim);
		}
		while (true) {
			int a = -1;
			for (int i = 0; i < n; i++) {
				if (active[i] && nn[i] >= 0 && (a < 0 || nnSim[i] > nnSim[a])) {
					a = i;
				}
			}
			if (a < 0 || nnSim[a] < threshold) {
				break;
			}
			int b = nn[a];
			int keep = Math.min(a, b);
			int gone = Math.max(a, b);
			// Lance–Williams for average linkage: the new group's similarity is the size-weighted mean
			for (int k = 0; k < n; k++) {
				if (active[k] && k != keep && k != gone) {
					float s = (size[keep] * sim[keep][k] + size[gone] * sim[gone][k]) / (size[keep] + size[gone]);
					sim[keep][k] = sim[k][keep] = s;
				}
			}
			size[keep] += size[gone];
			active[gone] = false;
			members.get(keep).addAll(members.get(gone));
			members.set(gone, null);
			for (int k = 0; k < n; k++) {
				if (!active[k]) {
					continue;
				}
				if (k == keep || nn[k] == keep || nn[k] == gone) {
					nearest(k, sim, active, nn, nnSim);
				}
				else if (sim[k][keep] > nnSim[k]) {
					nn[k] = keep;
					nnSim[k] = sim[k][keep];
				}
			}
		}
		List<List<Integer>> groups = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			if (active[i]) {
				List<Integer> g = members.get(i);
				g.sort(null);
				groups.add(List.copyOf(g));
			}
		}
		return groups;
	}

	private static void nearest(int i, float[][] sim, boolean[] active, int[] nn, float[] nnSim) {
		nn[i] = -1;
		nnSim[i] = Float.NEGATIVE_INFINITY;
		for (int j = 0; j < sim.length; j++) {
			if (j != i && active[j] && sim[i][j] > nnSim[i]) {
				nn[i] = j;
				nnSim[i] = sim[i][j];
			}
		}
	}

	/** The sum of the vectors at these indexes. */
	static float[] sum(float[][] vectors, List<Integer> indexes, int dims) {
		float[] s = new float[dims];
		for (int i : indexes) {
			for (int d = 0; d < dims; d++) {
				s[d] += vectors[i][d];
			}
		}
		return s;
	}

	/**
	 * B-cubed precision and recall of a grouping against the true labels (Bagga and Baldwin 1998): for each item, the
	 * share of its group that has its label, and the share of its label that is in its group, averaged over items.
	 */
	static double[] bCubed(List<List<Integer>> groups, String[] labels) {
		int n = labels.length;
		int[] groupOf = new int[n];
		for (int g = 0; g < groups.size(); g++) {
			for (int i : groups.get(g)) {
				groupOf[i] = g;
			}
		}
		java.util.Map<String, Integer> labelSize = new java.util.HashMap<>();
		for (String l : labels) {
			labelSize.merge(l, 1, Integer::sum);
		}
		double precision = 0;
		double recall = 0;
		for (int i = 0; i < n; i++) {
			List<Integer> g = groups.get(groupOf[i]);
			int same = 0;
			for (int j : g) {
				if (labels[j].equals(labels[i])) {
					same++;
				}
			}
			precision += (double) same / g.size();
			recall += (double) same / labelSize.get(labels[i]);
		}
		return new double[] { precision / n, recall / n };
	}
}
