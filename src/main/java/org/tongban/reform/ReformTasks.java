package org.tongban.reform;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The reform tables. Every query is set-based and parameterised; none scans reports for the cockpit. */
@Repository
class ReformTasks {

	/** A task with the text of its latest report, for lists and the export. */
	record Listed(ReformTask task, String latestReport) {
	}

	record StatusRow(TaskStatus status, int count) {
	}

	record GroupRow(int group, String title, int total, int completed, int overdue, int averageProgress) {
	}

	record UnitRow(String code, int total, int completed, int overdue, int averageProgress) {
	}

	private static final String COLUMNS = """
			t.no, t.part, t.part_title, t.group_no, t.group_title, t.content, t.lead_units, t.cooperating_units,
			t.related_units, t.deadline, t.deadline_text, t.remarks, t.status, t.progress, t.last_report_at, t.version
			""";

	private final JdbcClient jdbc;

	ReformTasks(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<ReformTask> find(int no) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM reform_task t WHERE t.no = :no").param("no", no)
				.query((rs, i) -> task(rs)).optional();
	}

	/** Locks the task row for the rest of the transaction, so two reports on one task queue up. */
	Optional<ReformTask> findForUpdate(int no) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM reform_task t WHERE t.no = :no FOR UPDATE").param("no", no)
				.query((rs, i) -> task(rs)).optional();
	}

	long count() {
		return jdbc.sql("SELECT count(*) FROM reform_task").query(Long.class).single();
	}

	List<Listed> list(TaskFilter filter, LocalDate today) {
		StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + ", r.text AS latest_report FROM reform_task t"
				+ " LEFT JOIN LATERAL (SELECT text FROM reform_report WHERE task_no = t.no AND kind = 'REPORT'"
				+ " ORDER BY created_at DESC LIMIT 1) r ON TRUE WHERE TRUE");
		Map<String, Object> params = new LinkedHashMap<>();
		if (filter.leadUnit() != null) {
			sql.append(" AND t.lead_units @> ARRAY[CAST(:unit AS TEXT)]");
			params.put("unit", filter.leadUnit());
		}
		if (filter.group() != null) {
			sql.append(" AND t.group_no = :group");
			params.put("group", filter.group());
		}
		if (filter.status() != null) {
			sql.append(" AND t.status = :status");
			params.put("status", filter.status().name());
		}
		if (filter.overdue() != null) {
			sql.append(filter.overdue() ? " AND t.status <> 'COMPLETED' AND t.deadline < :today"
					: " AND NOT (t.status <> 'COMPLETED' AND t.deadline < :today)");
			params.put("today", today);
		}
		sql.append(" ORDER BY t.no");
		return jdbc.sql(sql.toString()).params(params)
				.query((rs, i) -> new Listed(task(rs), rs.getString("latest_report"))).list();
	}

	/** Open tasks whose deadline is today or later: the candidates for the due-soon warning. */
	List<ReformTask> openFrom(LocalDate today) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM reform_task t WHERE t.status <> 'COMPLETED' AND t.deadline >= :today"
				+ " ORDER BY t.deadline, t.no").param("today", today).query((rs, i) -> task(rs)).list();
	}

	List<ReformTask> overdue(LocalDate today) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM reform_task t WHERE t.status <> 'COMPLETED' AND t.deadline < :today"
				+ " ORDER BY t.deadline, t.no").param("today", today).query((rs, i) -> task(rs)).list();
	}

	List<StatusRow> countByStatus() {
		return jdbc.sql("SELECT status, count(*) AS n FROM reform_task GROUP BY status")
				.query((rs, i) -> new StatusRow(TaskStatus.valueOf(rs.getString("status")), rs.getInt("n"))).list();
	}

	List<GroupRow> statsByGroup(LocalDate today) {
		return jdbc.sql("""
				SELECT group_no, min(group_title) AS title, count(*) AS total,
				  count(*) FILTER (WHERE status = 'COMPLETED') AS completed,
				  count(*) FILTER (WHERE status <> 'COMPLETED' AND deadline < :today) AS overdue,
				  round(avg(progress)) AS avg_progress
				FROM reform_task GROUP BY group_no ORDER BY group_no
				""").param("today", today)
				.query((rs, i) -> new GroupRow(rs.getInt("group_no"), rs.getString("title"), rs.getInt("total"),
						rs.getInt("completed"), rs.getInt("overdue"), rs.getInt("avg_progress")))
				.list();
	}

	/** A task led by two divisions counts for each of them. */
	List<UnitRow> statsByLeadUnit(LocalDate today) {
		return jdbc.sql("""
				SELECT u.code, count(*) AS total,
				  count(*) FILTER (WHERE t.status = 'COMPLETED') AS completed,
				  count(*) FILTER (WHERE t.status <> 'COMPLETED' AND t.deadline < :today) AS overdue,
				  round(avg(t.progress)) AS avg_progress
				FROM reform_task t CROSS JOIN LATERAL unnest(t.lead_units) AS u(code)
				GROUP BY u.code ORDER BY total DESC, u.code
				""").param("today", today)
				.query((rs, i) -> new UnitRow(rs.getString("code"), rs.getInt("total"), rs.getInt("completed"),
						rs.getInt("overdue"), rs.getInt("avg_progress")))
				.list();
	}

	int averageProgress() {
		return jdbc.sql("SELECT coalesce(round(avg(progress)), 0) FROM reform_task").query(Integer.class).single();
	}

	/** Stores the task's new state if nobody else changed it since it was read. */
	boolean updateState(ReformTask task) {
		return jdbc.sql("""
				UPDATE reform_task SET status = :status, progress = :progress, last_report_at = :at, version = version + 1
				WHERE no = :no AND version = :version
				""")
				.param("status", task.status().name()).param("progress", task.progress())
				.param("at", task.lastReportAt() == null ? null : Timestamp.from(task.lastReportAt()))
				.param("no", task.no()).param("version", task.version())
				.update() == 1;
	}

	/**
	 * Adds a task or replaces its definition; its status, progress and history are left as they are.
	 * Unit codes are [A-Z_] only, so they travel as one comma-separated string.
	 */
	boolean upsertDefinition(TaskDefinition d, List<String> lead, List<String> cooperating, List<String> related) {
		return jdbc.sql("""
				INSERT INTO reform_task (no, part, part_title, group_no, group_title, content, lead_units,
				  cooperating_units, related_units, deadline, deadline_text, remarks)
				VALUES (:no, :part, :partTitle, :group, :groupTitle, :content, string_to_array(:lead, ','),
				  string_to_array(:cooperating, ','), string_to_array(:related, ','),
				  :deadline, :deadlineText, :remarks)
				ON CONFLICT (no) DO UPDATE SET part = coalesce(EXCLUDED.part, reform_task.part),
				  part_title = coalesce(EXCLUDED.part_title, reform_task.part_title), group_no = EXCLUDED.group_no,
				  group_title = EXCLUDED.group_title, content = EXCLUDED.content, lead_units = EXCLUDED.lead_units,
				  cooperating_units = EXCLUDED.cooperating_units, related_units = EXCLUDED.related_units,
				  deadline = EXCLUDED.deadline, deadline_text = EXCLUDED.deadline_text, remarks = EXCLUDED.remarks,
				  defined_at = now(), version = reform_task.version + 1
				RETURNING (xmax = 0) AS inserted
				""")
				.param("no", d.no()).param("part", d.part()).param("partTitle", d.partTitle())
				.param("group", d.group()).param("groupTitle", d.groupTitle()).param("content", d.content())
				.param("lead", String.join(",", lead)).param("cooperating", String.join(",", cooperating))
				.param("related", String.join(",", related)).param("deadline", d.deadline())
				.param("deadlineText", d.deadlineText()).param("remarks", d.remarks())
				.query(Boolean.class).single();
	}

	void insertReport(UUID id, int taskNo, String kind, String author, String authorName, String unit, String text,
			Integer progress, TaskStatus status, String reason, boolean demo, Instant at) {
		jdbc.sql("""
				INSERT INTO reform_report (id, task_no, kind, author, author_name, org_unit_code, text, progress,
				  status, reason, demo, created_at)
				VALUES (:id, :no, :kind, :author, :authorName, :unit, :text, :progress, :status, :reason, :demo, :at)
				""")
				.param("id", id).param("no", taskNo).param("kind", kind).param("author", author)
				.param("authorName", authorName).param("unit", unit).param("text", text).param("progress", progress)
				.param("status", status == null ? null : status.name()).param("reason", reason).param("demo", demo)
				.param("at", Timestamp.from(at))
				.update();
	}

	void insertAttachment(UUID reportId, HistoryEntry.Attachment a, String sha256) {
		jdbc.sql("""
				INSERT INTO reform_attachment (id, report_id, filename, media_type, size, sha256)
				VALUES (:id, :report, :filename, :type, :size, :sha)
				""")
				.param("id", a.id()).param("report", reportId).param("filename", a.filename())
				.param("type", a.mediaType()).param("size", a.size()).param("sha", sha256)
				.update();
	}

	boolean anyDemoReports() {
		return jdbc.sql("SELECT EXISTS (SELECT 1 FROM reform_report WHERE demo)").query(Boolean.class).single();
	}

	/** Serialises the start-up loaders of several instances starting at once. */
	void lockForLoading() {
		jdbc.sql("SELECT 1 FROM (SELECT pg_advisory_xact_lock(hashtext('reform-loading'))) l").query(Integer.class).list();
	}

	/** The newest reports and contributions across all tasks, with their task's text. */
	List<Latest> latestReports(int limit) {
		return jdbc.sql("""
				SELECT r.id, r.task_no, r.kind, r.author, r.author_name, r.org_unit_code, r.text, r.progress, r.status,
				  r.reason, r.demo, r.created_at, t.content AS task_content
				FROM reform_report r JOIN reform_task t ON t.no = r.task_no
				ORDER BY r.created_at DESC, r.id LIMIT :limit
				""").param("limit", limit)
				.query((rs, i) -> new Latest(historyRow(rs), rs.getString("task_content")))
				.list();
	}

	record Latest(HistoryRow row, String taskContent) {
	}

	/** Raw history rows, newest first, with their attachments in one more query. */
	List<HistoryRow> history(int taskNo) {
		List<HistoryRow> rows = jdbc.sql("""
				SELECT id, task_no, kind, author, author_name, org_unit_code, text, progress, status, reason, demo, created_at
				FROM reform_report WHERE task_no = :no ORDER BY created_at DESC, id
				""").param("no", taskNo)
				.query((rs, i) -> historyRow(rs))
				.list();
		Map<UUID, HistoryRow> byId = new LinkedHashMap<>();
		rows.forEach(r -> byId.put(r.id(), r));
		jdbc.sql("""
				SELECT a.id, a.report_id, a.filename, a.media_type, a.size FROM reform_attachment a
				JOIN reform_report r ON r.id = a.report_id WHERE r.task_no = :no ORDER BY a.filename
				""").param("no", taskNo)
				.query((rs, i) -> {
					byId.get(rs.getObject("report_id", UUID.class)).attachments().add(new HistoryEntry.Attachment(
							rs.getObject("id", UUID.class), rs.getString("filename"), rs.getString("media_type"),
							rs.getLong("size")));
					return null;
				})
				.list();
		return rows;
	}

	private static HistoryRow historyRow(java.sql.ResultSet rs) throws java.sql.SQLException {
		return new HistoryRow(rs.getObject("id", UUID.class), rs.getInt("task_no"), rs.getString("kind"),
				rs.getString("author"), rs.getString("author_name"), rs.getString("org_unit_code"), rs.getString("text"),
				(Integer) rs.getObject("progress"),
				rs.getString("status") == null ? null : TaskStatus.valueOf(rs.getString("status")),
				rs.getString("reason"), rs.getBoolean("demo"), rs.getTimestamp("created_at").toInstant(),
				new ArrayList<>());
	}

	record HistoryRow(UUID id, int taskNo, String kind, String author, String authorName, String unit, String text,
			Integer progress, TaskStatus status, String reason, boolean demo, Instant createdAt,
			List<HistoryEntry.Attachment> attachments) {
	}

	/** An attachment's metadata and where its bytes are, with the task it belongs to. */
	record StoredAttachment(UUID id, int taskNo, String filename, String mediaType, long size, String sha256) {
	}

	Optional<StoredAttachment> attachment(UUID id) {
		return jdbc.sql("""
				SELECT a.id, r.task_no, a.filename, a.media_type, a.size, a.sha256 FROM reform_attachment a
				JOIN reform_report r ON r.id = a.report_id WHERE a.id = :id
				""").param("id", id)
				.query((rs, i) -> new StoredAttachment(rs.getObject("id", UUID.class), rs.getInt("task_no"),
						rs.getString("filename"), rs.getString("media_type"), rs.getLong("size"), rs.getString("sha256")))
				.optional();
	}

	private static ReformTask task(ResultSet rs) throws SQLException {
		Timestamp last = rs.getTimestamp("last_report_at");
		return new ReformTask(rs.getInt("no"), rs.getString("part"), rs.getString("part_title"), rs.getInt("group_no"),
				rs.getString("group_title"), rs.getString("content"), strings(rs.getArray("lead_units")),
				strings(rs.getArray("cooperating_units")), strings(rs.getArray("related_units")),
				rs.getObject("deadline", LocalDate.class), rs.getString("deadline_text"), rs.getString("remarks"),
				TaskStatus.valueOf(rs.getString("status")), rs.getInt("progress"),
				last == null ? null : last.toInstant(), rs.getInt("version"));
	}

	private static List<String> strings(Array array) throws SQLException {
		return array == null ? List.of() : List.of((String[]) array.getArray());
	}
}
