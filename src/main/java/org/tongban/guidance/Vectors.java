package org.tongban.guidance;

import java.util.Collection;

/**
 * An immutable flat table of unit vectors searched exhaustively: a few thousand passages take well
 * under a millisecond, and exact search needs no graph to build or tune (HNSW pays off from ~10⁵ up).
 */
final class Vectors {

	static final Vectors EMPTY = new Vectors(new long[0], new float[0], 0);

	private final long[] ids;
	private final float[] flat;
	private final int dims;

	private Vectors(long[] ids, float[] flat, int dims) {
		this.ids = ids;
		this.flat = flat;
		this.dims = dims;
	}

	static Vectors of(Collection<Passage> passages) {
		int n = 0;
		int dims = 0;
		for (Passage p : passages) {
			if (p.vector() != null) {
				n++;
				dims = p.vector().length;
			}
		}
		long[] ids = new long[n];
		float[] flat = new float[n * dims];
		int i = 0;
		for (Passage p : passages) {
			if (p.vector() != null && i < n && p.vector().length == dims) {
				ids[i] = p.id();
				System.arraycopy(p.vector(), 0, flat, i * dims, dims);
				i++;
			}
		}
		return new Vectors(ids, flat, dims);
	}

	/** Ids of the passages closest to the query (cosine, vectors are normalised), best first. */
	long[] nearest(float[] query, int k) {
		int n = ids.length;
		if (n == 0 || query.length != dims) {
			return new long[0];
		}
		k = Math.min(k, n);
		// a sorted top-k array: cheaper than a heap for k ≈ 50
		int[] top = new int[k];
		float[] topScore = new float[k];
		int size = 0;
		for (int i = 0; i < n; i++) {
			float s = 0;
			int base = i * dims;
			for (int d = 0; d < dims; d++) {
				s += flat[base + d] * query[d];
			}
			if (size < k || s > topScore[size - 1]) {
				int pos = size < k ? size++ : k - 1;
				while (pos > 0 && topScore[pos - 1] < s) {
					topScore[pos] = topScore[pos - 1];
					top[pos] = top[pos - 1];
					pos--;
				}
				topScore[pos] = s;
				top[pos] = i;
			}
		}
		long[] out = new long[size];
		for (int i = 0; i < size; i++) {
			out[i] = ids[top[i]];
		}
		return out;
	}
}
