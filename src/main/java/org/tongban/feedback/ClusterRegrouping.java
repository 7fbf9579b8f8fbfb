package org.tongban.feedback;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongban.guidance.TextVectors;

/**
 * The nightly regrouping: placing one complaint at a time depends on the order they came in, so once a night the
 * most recent {@code regroup-limit} complaints are grouped afresh by average-linkage agglomeration at the same
 * threshold. A new group keeps the id of the old cluster it shares most complaints with (greedily, largest overlap
 * first), so the actions recorded on a cluster stay with it; an old cluster left empty is deleted unless it has
 * actions. Complaints kept without a vector (the model was not there) are embedded first.
 */
@Service
public class ClusterRegrouping {

	private static final Logger log = LoggerFactory.getLogger(ClusterRegrouping.class);

	/** What a regrouping did. */
	public record Result(int complaints, int clusters, int kept, int created, int removed) {
	}

	private final JdbcClient jdbc;
	private final Complaints complaints;
	private final TextVectors vectors;
	private final ClusterSettings settings;

	ClusterRegrouping(JdbcClient jdbc, Complaints complaints, TextVectors vectors, ClusterSettings settings) {
		this.jdbc = jdbc;
		this.complaints = complaints;
		this.vectors = vectors;
		this.settings = settings;
	}

	@Transactional
	public Result regroup() {
		record Row(UUID id, UUID cluster, float[] vector) {
		}
		List<Row> missing = jdbc.sql("SELECT id, text FROM feedback_complaint WHERE vector IS NULL")
			.query((rs, i) -> new Row(rs.getObject("id", UUID.class), null, vectors.embed(rs.getString("text")))).list();
		complaints.lock();
		for (Row m : missing) {
			if (m.vector() != null) {
				jdbc.sql("UPDATE feedback_complaint SET vector = ? WHERE id = ?").params(m.vector(), m.id()).update();
			}
		}
		List<Row> rows = jdbc.sql("""
				SELECT id, cluster_id, vector FROM feedback_complaint WHERE vector IS NOT NULL
				ORDER BY received_at DESC, id LIMIT ?""").param(settings.regroupLimit())
			.query((rs, i) -> new Row(rs.getObject("id", UUID.class), rs.getObject("cluster_id", UUID.class),
					Complaints.vector(rs)))
			.list();
		List<List<Integer>> groups = Grouping.agglomerate(rows.stream().map(Row::vector).toArray(float[][]::new),
				settings.threshold());

		// keep ids: pairs (group, old cluster) by overlap, largest first
		record Overlap(int group, UUID cluster, int count) {
		}
		List<Overlap> overlaps = new ArrayList<>();
		for (int g = 0; g < groups.size(); g++) {
			Map<UUID, Integer> counts = new HashMap<>();
			for (int i : groups.get(g)) {
				if (rows.get(i).cluster() != null) {
					counts.merge(rows.get(i).cluster(), 1, Integer::sum);
				}
			}
			int group = g;
			counts.forEach((c, n) -> overlaps.add(new Overlap(group, c, n)));
		}
		overlaps.sort(Comparator.comparingInt(Overlap::count).reversed().thenComparing(o -> o.cluster().toString())
			.thenComparingInt(Overlap::group));
		UUID[] target = new UUID[groups.size()];
		Set<UUID> used = new HashSet<>();
		for (Overlap o : overlaps) {
			if (target[o.group()] == null && used.add(o.cluster())) {
				target[o.group()] = o.cluster();
			}
		}
		int created = 0;
		Set<UUID> touched = new HashSet<>();
		for (int g = 0; g < groups.size(); g++) {
			if (target[g] == null) {
				target[g] = complaints.newCluster();
				created++;
			}
			for (int i : groups.get(g)) {
				Row r = rows.get(i);
				if (r.cluster() != null) {
					touched.add(r.cluster());
				}
				if (!target[g].equals(r.cluster())) {
					jdbc.sql("UPDATE feedback_complaint SET cluster_id = ? WHERE id = ?").params(target[g], r.id()).update();
				}
			}
			touched.add(target[g]);
		}
		for (UUID c : touched) {
			complaints.recompute(c);
		}
		int removed = jdbc.sql("""
				DELETE FROM feedback_cluster c WHERE c.size = 0
				  AND NOT EXISTS (SELECT 1 FROM feedback_complaint m WHERE m.cluster_id = c.id)
				  AND NOT EXISTS (SELECT 1 FROM feedback_cluster_action a WHERE a.cluster_id = c.id)""").update();
		Result result = new Result(rows.size(), groups.size(), groups.size() - created, created, removed);
		log.info("Complaints regrouped: {}", result);
		return result;
	}

	/** Runs {@link #regroup} nightly on one instance. */
	@org.springframework.stereotype.Component
	@org.springframework.boot.autoconfigure.condition.ConditionalOnProperty(name = "tongban.scheduling.enabled",
			havingValue = "true", matchIfMissing = true)
	static class Schedule {

		private final ClusterRegrouping regrouping;

		Schedule(ClusterRegrouping regrouping) {
			this.regrouping = regrouping;
		}

		@org.springframework.scheduling.annotation.Scheduled(cron = "${tongban.feedback.clusters.regroup-cron:0 30 2 * * *}",
				zone = "Asia/Shanghai")
		@net.javacrumbs.shedlock.spring.annotation.SchedulerLock(name = "feedback-clusters", lockAtMostFor = "PT1H",
				lockAtLeastFor = "PT1M")
		void run() {
			regrouping.regroup();
		}
	}
}
