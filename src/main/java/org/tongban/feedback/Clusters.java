package org.tongban.feedback;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongban.catalogue.Catalogue;
import org.tongban.catalogue.CatalogueAccess;
import org.tongban.catalogue.Guide;
import org.tongban.catalogue.GuideEditing;
import org.tongban.identity.SignedInUser;
import org.tongban.reform.HistoryEntry;
import org.tongban.reform.NewReport;
import org.tongban.reform.ReformCockpit;
import org.tongban.reform.TaskFilter;
import org.tongban.reform.TaskStatus;
import org.tongban.shared.AuditTrail;
import org.tongban.shared.Problem;

/**
 * Clusters of similar complaints as staff read them (counts, weekly trend, items, the most representative texts), and
 * what staff make of one: a revision of the concerned item's guide (a catalogue draft, by the item's division) or a
 * progress report on a reform task (as the reform module allows), recorded on the cluster. Leaders and the approval
 * centre see every cluster; approvers and division staff those with a complaint against their unit (others: 404).
 */
@Service
public class Clusters {

	static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
	static final int NOTE_LIMIT = 500;
	private static final int SAMPLES = 8;

	public record Week(LocalDate weekOf, int count) {
	}

	public record ItemCount(String itemCode, String itemName, int count) {
	}

	/** A cluster in the list. */
	public record Summary(UUID id, String label, int size, int ratings, int tickets, List<Week> trend,
			List<ItemCount> items, List<String> units, Instant lastReceivedAt, int actions) {
	}

	/** A complaint shown as an example of its cluster, most representative first; no names of people. */
	public record Sample(String kind, String kindLabel, String text, String itemCode, String unit, Instant receivedAt) {
	}

	/** What staff did about a cluster. */
	public record Action(UUID id, String kind, String kindLabel, String actor, String itemCode, Integer guideVersion,
			Integer taskNo, UUID reportId, String note, Instant at) {
	}

	public record Detail(Summary summary, List<Sample> samples, List<Action> actions) {
	}

	/** A guide revision: the item (may be left out when the cluster concerns one item only) and why. */
	public record RevisionRequest(String itemCode, String note) {
	}

	/** A reform progress report drawn from the cluster. */
	public record ReportRequest(Integer taskNo, String text, Integer progress, TaskStatus status, String reason) {
	}

	/** A reform task the signed-in staff member may report on: their division leads it or cooperates on it. */
	public record ReportableTask(int no, String content, boolean leads, int progress) {
	}

	private final JdbcClient jdbc;
	private final FeedbackDuty duty;
	private final Catalogue catalogue;
	private final GuideEditing editing;
	private final ReformCockpit reform;
	private final ClusterSettings settings;
	private final AuditTrail audit;
	private final Clock clock;

	Clusters(JdbcClient jdbc, FeedbackDuty duty, Catalogue catalogue, GuideEditing editing, ReformCockpit reform,
			ClusterSettings settings, AuditTrail audit, Clock clock) {
		this.jdbc = jdbc;
		this.duty = duty;
		this.catalogue = catalogue;
		this.editing = editing;
		this.reform = reform;
		this.settings = settings;
		this.audit = audit;
		this.clock = clock;
	}

	/** The clusters {@code me} sees, largest first (403 for those who see no complaints). */
	public List<Summary> list(SignedInUser me) {
		String unit = duty.scope(me);
		List<UUID> ids = jdbc.sql("""
				SELECT c.id FROM feedback_cluster c WHERE c.size > 0 AND (CAST(:unit AS text) IS NULL
				  OR EXISTS (SELECT 1 FROM feedback_complaint m WHERE m.cluster_id = c.id AND m.unit = :unit))
				ORDER BY c.size DESC, c.updated_at DESC, c.id LIMIT 200""").param("unit", unit).query(UUID.class).list();
		return summaries(ids);
	}

	/** One cluster if {@code me} may see it, else 404. */
	public Detail detail(SignedInUser me, UUID id) {
		String unit = duty.scope(me);
		boolean visible = jdbc.sql("""
				SELECT count(*) FROM feedback_cluster c WHERE c.id = :id AND (CAST(:unit AS text) IS NULL
				  OR EXISTS (SELECT 1 FROM feedback_complaint m WHERE m.cluster_id = c.id AND m.unit = :unit))""")
			.param("id", id).param("unit", unit).query(Long.class).single() > 0;
		if (!visible) {
			throw Problem.notFound("未找到该投诉聚类。");
		}
		Summary summary = summaries(List.of(id)).get(0);
		float[] sum = jdbc.sql("SELECT vector_sum FROM feedback_cluster WHERE id = ?").param(id)
			.query((rs, i) -> Optional.ofNullable(Complaints.floats(rs.getArray(1)))).single().orElse(null);
		record Scored(Sample sample, double score) {
		}
		List<Sample> samples = jdbc.sql("""
				SELECT kind, text, item_code, unit, received_at, vector FROM feedback_complaint WHERE cluster_id = ?
				ORDER BY received_at DESC, id""").param(id).query((rs, i) -> {
					Complaint.Kind kind = Complaint.Kind.valueOf(rs.getString("kind"));
					float[] v = Complaints.vector(rs);
					return new Scored(new Sample(kind.name(), kind.label(), rs.getString("text"), rs.getString("item_code"),
							rs.getString("unit"), rs.getTimestamp("received_at").toInstant()),
							v == null || sum == null ? Double.NEGATIVE_INFINITY : Grouping.dot(v, sum));
				}).list().stream().sorted(Comparator.comparingDouble(Scored::score).reversed()).limit(SAMPLES)
			.map(Scored::sample).toList();
		return new Detail(summary, samples, actions(id));
	}

	/** Starts a draft of the concerned item's guide, with a note naming the cluster; only the item's division. */
	@Transactional
	public Action requestRevision(SignedInUser me, UUID id, RevisionRequest request) {
		Detail d = detail(me, id);
		String note = note(request == null ? null : request.note());
		List<ItemCount> items = d.summary().items();
		String code = request == null || request.itemCode() == null || request.itemCode().isBlank() ? null
				: request.itemCode().strip();
		if (code == null) {
			if (items.size() != 1) {
				throw Problem.invalid("itemCode", items.isEmpty() ? "该聚类的投诉未涉及具体事项，无法修订办事指南。"
						: "该聚类涉及多个事项，请选择要修订办事指南的事项。");
			}
			code = items.get(0).itemCode();
		}
		String chosen = code;
		if (items.stream().noneMatch(i -> i.itemCode().equals(chosen))) {
			throw Problem.invalid("itemCode", "该聚类的投诉不涉及事项“" + chosen + "”。");
		}
		Guide guide = catalogue.published(code).orElseThrow(() -> Problem.notFound("事项“" + chosen + "”没有在用的办事指南。"));
		if (!CatalogueAccess.mayEdit(me, guide.division())) {
			throw Problem.forbidden("只有事项所属处室（" + guide.divisionName() + "）的工作人员可以修订“" + guide.name()
					+ "”的办事指南。");
		}
		String full = "依据投诉聚类“" + shortLabel(d.summary().label()) + "”（" + d.summary().size() + " 条投诉，编号 " + id
				+ "）修订办事指南" + (note == null ? "" : "：" + note);
		Guide draft = editing.createDraft(me, code, full);
		return record(id, "REVISION", me, code, draft.version(), null, null, full);
	}

	/** The reform tasks {@code me} may report on, as the reform module decides, for the cluster page's form. */
	public List<ReportableTask> reportableTasks(SignedInUser me) {
		return reform.tasks(TaskFilter.all()).stream()
			.map(t -> Map.entry(t, reform.rightOf(me, t.no())))
			.filter(e -> e.getValue() != ReformCockpit.Right.NONE)
			.map(e -> new ReportableTask(e.getKey().no(), e.getKey().content(), e.getValue() == ReformCockpit.Right.REPORT,
					e.getKey().progress()))
			.toList();
	}

	/** Reports progress on a reform task, the report naming the cluster; the reform module decides who may. */
	@Transactional
	public Action report(SignedInUser me, UUID id, ReportRequest request) {
		Detail d = detail(me, id);
		if (request == null || request.taskNo() == null) {
			throw Problem.invalid("taskNo", "请选择改革任务。");
		}
		String text = note(request.text());
		if (text == null) {
			throw Problem.invalid("text", "请填写进展情况。");
		}
		String full = text + "\n（依据投诉聚类“" + shortLabel(d.summary().label()) + "”，共 " + d.summary().size()
				+ " 条投诉，编号 " + id + "）";
		HistoryEntry entry = reform.report(me, request.taskNo(),
				new NewReport(full, request.progress(), request.status(), request.reason()), List.of());
		return record(id, "REPORT", me, null, null, request.taskNo(), entry.id(), full);
	}

	private Action record(UUID cluster, String kind, SignedInUser me, String itemCode, Integer version, Integer taskNo,
			UUID reportId, String note) {
		UUID actionId = UUID.randomUUID();
		jdbc.sql("""
				INSERT INTO feedback_cluster_action (id, cluster_id, kind, actor, item_code, guide_version, task_no,
				  report_id, note, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(actionId, cluster, kind, me.username(), itemCode, version, taskNo, reportId, note,
					Timestamp.from(clock.instant()))
			.update();
		Map<String, Object> after = new LinkedHashMap<>();
		after.put("action", kind);
		if (itemCode != null) {
			after.put("item", itemCode);
			after.put("guideVersion", version);
		}
		if (taskNo != null) {
			after.put("task", taskNo);
			after.put("report", reportId.toString());
		}
		audit.record("feedback.cluster." + kind.toLowerCase(), "feedback_cluster", cluster, null, after);
		return actions(cluster).stream().filter(a -> a.id().equals(actionId)).findFirst().orElseThrow();
	}

	private static String note(String note) {
		if (note == null || note.isBlank()) {
			return null;
		}
		if (note.codePointCount(0, note.length()) > NOTE_LIMIT) {
			throw Problem.invalid("note", "说明不能超过 " + NOTE_LIMIT + " 字。");
		}
		return note.strip();
	}

	static String shortLabel(String label) {
		if (label == null) {
			return "（无文字）";
		}
		return label.codePointCount(0, label.length()) <= 30 ? label
				: label.substring(0, label.offsetByCodePoints(0, 30)) + "…";
	}

	List<Action> actions(UUID cluster) {
		return jdbc.sql("SELECT * FROM feedback_cluster_action WHERE cluster_id = ? ORDER BY at, id").param(cluster)
			.query((rs, i) -> {
				String kind = rs.getString("kind");
				return new Action(rs.getObject("id", UUID.class), kind, "REVISION".equals(kind) ? "修订办事指南" : "改革任务进展",
						rs.getString("actor"), rs.getString("item_code"), (Integer) rs.getObject("guide_version"),
						(Integer) rs.getObject("task_no"), rs.getObject("report_id", UUID.class), rs.getString("note"),
						rs.getTimestamp("at").toInstant());
			}).list();
	}

	/** Counts, trend, items and units of these clusters, in their order, from one query over their complaints. */
	private List<Summary> summaries(List<UUID> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		record Member(UUID cluster, Complaint.Kind kind, String item, String unit, Instant at) {
		}
		Map<UUID, List<Member>> byCluster = new HashMap<>();
		jdbc.sql("SELECT cluster_id, kind, item_code, unit, received_at FROM feedback_complaint WHERE cluster_id = ANY(?)")
			.param(ids.toArray(UUID[]::new))
			.query((rs, i) -> new Member(rs.getObject("cluster_id", UUID.class), Complaint.Kind.valueOf(rs.getString("kind")),
					rs.getString("item_code"), rs.getString("unit"), rs.getTimestamp("received_at").toInstant()))
			.list().forEach(m -> byCluster.computeIfAbsent(m.cluster(), k -> new ArrayList<>()).add(m));
		Map<UUID, String> labels = new HashMap<>();
		Map<UUID, Integer> actionCounts = new HashMap<>();
		jdbc.sql("""
				SELECT c.id, c.label, (SELECT count(*) FROM feedback_cluster_action a WHERE a.cluster_id = c.id) AS actions
				FROM feedback_cluster c WHERE c.id = ANY(?)""").param(ids.toArray(UUID[]::new)).query(rs -> {
					UUID id = rs.getObject("id", UUID.class);
					labels.put(id, rs.getString("label"));
					actionCounts.put(id, rs.getInt("actions"));
				});
		LocalDate thisWeek = LocalDate.now(clock.withZone(ZONE)).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
		LocalDate firstWeek = thisWeek.minusWeeks(settings.trendWeeks() - 1L);
		Map<String, String> names = new HashMap<>();
		List<Summary> out = new ArrayList<>();
		for (UUID id : ids) {
			List<Member> members = byCluster.getOrDefault(id, List.of());
			TreeMap<LocalDate, Integer> weeks = new TreeMap<>();
			for (LocalDate w = firstWeek; !w.isAfter(thisWeek); w = w.plusWeeks(1)) {
				weeks.put(w, 0);
			}
			Map<String, Integer> items = new TreeMap<>();
			Map<String, Integer> units = new TreeMap<>();
			int ratings = 0;
			Instant last = null;
			for (Member m : members) {
				LocalDate week = LocalDate.ofInstant(m.at(), ZONE).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
				weeks.computeIfPresent(week, (k, n) -> n + 1);
				if (m.item() != null) {
					items.merge(m.item(), 1, Integer::sum);
				}
				units.merge(m.unit(), 1, Integer::sum);
				ratings += m.kind() == Complaint.Kind.RATING ? 1 : 0;
				last = last == null || m.at().isAfter(last) ? m.at() : last;
			}
			List<ItemCount> itemCounts = items.entrySet().stream()
				.map(e -> new ItemCount(e.getKey(), names.computeIfAbsent(e.getKey(),
						code -> catalogue.published(code).map(Guide::name).orElse(code)), e.getValue()))
				.sorted(Comparator.comparingInt(ItemCount::count).reversed()).toList();
			out.add(new Summary(id, labels.get(id), members.size(), ratings, members.size() - ratings,
					weeks.entrySet().stream().map(e -> new Week(e.getKey(), e.getValue())).toList(), itemCounts,
					List.copyOf(units.keySet()), last, actionCounts.getOrDefault(id, 0)));
		}
		return out;
	}
}
