package org.tongban.feedback;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongban.guidance.TextVectors;

/**
 * Receives complaints (bad ratings with text, 办不成事 tickets) and places each at once into the cluster of similar
 * ones it is on average most similar to, above {@code tongban.feedback.clusters.threshold}, or into a new cluster.
 * Call it inside the transaction that records the rating or ticket: the complaint commits with it or not at all.
 * When the model cannot be loaded the complaint is kept without a cluster and the nightly regrouping places it.
 */
@Service
public class Complaints {

	/** Placement and regrouping change cluster sums: one at a time, across instances. */
	static final String LOCK = "SELECT pg_advisory_xact_lock(hashtext('feedback-clusters'))";

	private final JdbcClient jdbc;
	private final TextVectors vectors;
	private final ClusterSettings settings;
	private final Clock clock;

	Complaints(JdbcClient jdbc, TextVectors vectors, ClusterSettings settings, Clock clock) {
		this.jdbc = jdbc;
		this.vectors = vectors;
		this.settings = settings;
		this.clock = clock;
	}

	/** Records a complaint and places it; a complaint already received from the same source is replaced (re-placed). */
	@Transactional
	public void receive(Complaint complaint) {
		float[] v = vectors.embed(complaint.text());
		lock();
		// the same source again (a changed rating): out of its old cluster before it is placed anew
		remove(complaint.kind(), complaint.sourceId()).ifPresent(this::recompute);
		UUID cluster = v == null ? null : place(v);
		jdbc.sql("""
				INSERT INTO feedback_complaint (id, kind, source_id, text, item_code, unit, received_at, vector, cluster_id)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(UUID.randomUUID(), complaint.kind().name(), complaint.sourceId(), complaint.text().strip(),
					complaint.itemCode(), complaint.unit(), Timestamp.from(complaint.receivedAt()), v, cluster)
			.update();
		if (cluster != null) {
			recompute(cluster);
		}
	}

	/** Takes a complaint back (the rating was changed to a good one, say): its cluster forgets it. */
	@Transactional
	public void withdraw(Complaint.Kind kind, UUID sourceId) {
		lock();
		remove(kind, sourceId).ifPresent(this::recompute);
	}

	void lock() {
		jdbc.sql(LOCK).query((rs, i) -> 1).list();
	}

	private Optional<UUID> remove(Complaint.Kind kind, UUID sourceId) {
		Optional<UUID> cluster = jdbc.sql("DELETE FROM feedback_complaint WHERE kind = ? AND source_id = ? RETURNING cluster_id")
			.params(kind.name(), sourceId).query((rs, i) -> Optional.ofNullable(rs.getObject(1, UUID.class))).optional()
			.flatMap(o -> o);
		return cluster;
	}

	/** The cluster {@code v} joins, made now if none is similar enough. */
	private UUID place(float[] v) {
		List<UUID> ids = new ArrayList<>();
		List<float[]> sums = new ArrayList<>();
		List<Integer> sizes = new ArrayList<>();
		jdbc.sql("SELECT id, vector_sum, size FROM feedback_cluster WHERE size > 0").query(rs -> {
			ids.add(rs.getObject("id", UUID.class));
			sums.add(floats(rs.getArray("vector_sum")));
			sizes.add(rs.getInt("size"));
		});
		int g = Grouping.place(v, sums, sizes, settings.threshold());
		return g >= 0 ? ids.get(g) : newCluster();
	}

	UUID newCluster() {
		UUID id = UUID.randomUUID();
		Timestamp now = Timestamp.from(clock.instant());
		jdbc.sql("INSERT INTO feedback_cluster (id, size, created_at, updated_at) VALUES (?, 0, ?, ?)").params(id, now, now)
			.update();
		return id;
	}

	/**
	 * Sets a cluster's sum, size and label from its members. The label is the most representative member's text:
	 * the one with the highest average similarity to the others (v·Σ), ties to the earliest.
	 */
	void recompute(UUID cluster) {
		record Member(String text, float[] vector) {
		}
		List<Member> members = jdbc.sql(
				"SELECT text, vector FROM feedback_complaint WHERE cluster_id = ? AND vector IS NOT NULL ORDER BY received_at, id")
			.param(cluster).query((rs, i) -> new Member(rs.getString("text"), floats(rs.getArray("vector")))).list();
		float[] sum = null;
		for (Member m : members) {
			sum = sum == null ? m.vector().clone() : add(sum, m.vector());
		}
		String label = null;
		double best = Double.NEGATIVE_INFINITY;
		for (Member m : members) {
			double s = Grouping.dot(m.vector(), sum);
			if (s > best) {
				best = s;
				label = m.text();
			}
		}
		jdbc.sql("UPDATE feedback_cluster SET vector_sum = ?, size = ?, label = ?, updated_at = ? WHERE id = ?")
			.params(sum, members.size(), label, Timestamp.from(clock.instant()), cluster).update();
	}

	static float[] add(float[] sum, float[] v) {
		for (int d = 0; d < sum.length; d++) {
			sum[d] += v[d];
		}
		return sum;
	}

	static float[] floats(Array array) throws SQLException {
		if (array == null) {
			return null;
		}
		Object raw = array.getArray();
		if (raw instanceof float[] f) {
			return f;
		}
		Float[] boxed = (Float[]) raw;
		float[] out = new float[boxed.length];
		for (int i = 0; i < boxed.length; i++) {
			out[i] = boxed[i];
		}
		return out;
	}

	static float[] vector(ResultSet rs) throws SQLException {
		return floats(rs.getArray("vector"));
	}
}
