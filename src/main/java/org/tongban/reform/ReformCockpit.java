package org.tongban.reform;

import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongban.identity.OrgUnit;
import org.tongban.identity.Organisation;
import org.tongban.identity.Role;
import org.tongban.identity.SignedInUser;
import org.tongban.identity.StaffDirectory;
import org.tongban.shared.AuditTrail;
import org.tongban.shared.FieldMessage;
import org.tongban.shared.FileStore;
import org.tongban.shared.Problem;
import org.tongban.shared.StoredFile;
import org.tongban.shared.Uploads;
import org.tongban.shared.WorkingDayCalendar;

/** The cockpit's façade: tasks with their warnings, reports and contributions, the leaders' figures. */
@Service
public class ReformCockpit {

	/** What a signed-in person may write on a task. */
	public enum Right {
		REPORT, CONTRIBUTE, NONE
	}

	/** An attachment's bytes, ready to be sent. */
	public record AttachmentContent(String filename, String mediaType, long size, InputStream content) {
	}

	static final int MAX_TEXT = 5000;

	private final ReformTasks tasks;
	private final Organisation organisation;
	private final WorkingDayCalendar calendar;
	private final ReformSettings settings;
	private final AuditTrail audit;
	private final FileStore files;
	private final Clock clock;
	private final StaffDirectory contacts;
	private final TaskIndicators indicators;

	ReformCockpit(ReformTasks tasks, Organisation organisation, WorkingDayCalendar calendar, ReformSettings settings,
			AuditTrail audit, FileStore files, Clock clock, StaffDirectory contacts, TaskIndicators indicators) {
		this.contacts = contacts;
		this.indicators = indicators;
		this.tasks = tasks;
		this.organisation = organisation;
		this.calendar = calendar;
		this.settings = settings;
		this.audit = audit;
		this.files = files;
		this.clock = clock;
	}

	public List<TaskSummary> tasks(TaskFilter filter) {
		LocalDate today = today();
		return tasks.list(filter, today).stream().map(l -> summary(l.task(), l.latestReport(), today)).toList();
	}

	public TaskDetail task(int no) {
		ReformTask task = tasks.find(no).orElseThrow(() -> notFound(no));
		List<HistoryEntry> history = tasks.history(no).stream().map(this::entry).toList();
		String latest = history.stream().filter(h -> h.kind().equals("REPORT")).map(HistoryEntry::text).findFirst()
				.orElse(null);
		return new TaskDetail(summary(task, latest, today()), history, indicators.forTask(no));
	}

	/** A division filter as people type it: a unit's Chinese name, an alias, or its code. */
	public Optional<OrgUnit> unit(String nameOrCode) {
		if (nameOrCode == null || nameOrCode.isBlank()) {
			return Optional.empty();
		}
		return organisation.byName(nameOrCode).or(() -> organisation.byCode(nameOrCode.strip()));
	}

	public Right rightOf(SignedInUser user, int no) {
		return rightOn(user, tasks.find(no).orElseThrow(() -> notFound(no)));
	}

	/**
	 * Records what a division's staff member writes: a progress report when the division leads the task,
	 * a contribution when it cooperates on it. Anyone else is refused, whatever their other roles.
	 */
	@Transactional
	public HistoryEntry report(SignedInUser user, int no, NewReport report, List<NewAttachment> attachments) {
		ReformTask task = tasks.findForUpdate(no).orElseThrow(() -> notFound(no));
		Right right = rightOn(user, task);
		if (right == Right.NONE) {
			throw Problem.forbidden("只有任务的牵头部门或配合部门的工作人员可以报送进展。");
		}
		String unitName = organisation.byCode(user.orgUnitCode()).map(OrgUnit::name).orElse(user.orgUnitCode());
		return record(task, right, user.username(), user.displayName(), user.orgUnitCode(), unitName, report,
				attachments, false, Instant.now(clock));
	}

	/** Shared by people and the demo data: checks, stores, audits. */
	HistoryEntry record(ReformTask task, Right right, String author, String authorName, String unitCode,
			String unitName, NewReport report, List<NewAttachment> attachments, boolean demo, Instant at) {
		String text = report.text() == null ? "" : report.text().strip();
		List<FieldMessage> errors = new ArrayList<>();
		if (text.isEmpty()) {
			errors.add(new FieldMessage("text", right == Right.REPORT ? "请填写进展情况" : "请填写配合工作情况"));
		}
		else if (text.length() > MAX_TEXT) {
			errors.add(new FieldMessage("text", "内容不能超过 " + MAX_TEXT + " 字，当前 " + text.length() + " 字"));
		}
		ReformTask after = task;
		if (right == Right.REPORT) {
			try {
				after = task.report(report.progress(), report.status(), report.reason(), at);
			}
			catch (Problem invalid) {
				errors.addAll(invalid.errors());
			}
		}
		if (!errors.isEmpty()) {
			throw Problem.invalid(errors);
		}
		List<String> types = attachments.stream()
				.map(a -> Uploads.check("files", a.filename(), a.size(), a.content(), Uploads.DOCUMENTS)).toList();
		UUID id = UUID.randomUUID();
		String kind = right == Right.REPORT ? "REPORT" : "CONTRIBUTION";
		String reason = right == Right.REPORT && report.reason() != null && !report.reason().isBlank()
				? report.reason().strip() : null;
		tasks.insertReport(id, task.no(), kind, author, authorName, unitCode, text,
				right == Right.REPORT ? after.progress() : null, right == Right.REPORT ? after.status() : null,
				reason, demo, at);
		for (int i = 0; i < attachments.size(); i++) {
			NewAttachment a = attachments.get(i);
			StoredFile stored;
			try (InputStream in = a.content().getInputStream()) {
				stored = files.put(in);
			}
			catch (java.io.IOException ex) {
				throw new java.io.UncheckedIOException(ex);
			}
			tasks.insertAttachment(id, new HistoryEntry.Attachment(UUID.randomUUID(), safeName(a.filename()),
					types.get(i), stored.size()), stored.sha256());
		}
		if (right == Right.REPORT && !tasks.updateState(after)) {
			throw Problem.conflict("任务刚被其他人更新，请刷新后重新报送。");
		}
		Map<String, Object> before = new LinkedHashMap<>();
		before.put("status", task.status().name());
		before.put("progress", task.progress());
		Map<String, Object> afterState = new LinkedHashMap<>();
		afterState.put("reportId", id.toString());
		afterState.put("kind", kind);
		afterState.put("status", after.status().name());
		afterState.put("progress", after.progress());
		afterState.put("attachments", attachments.size());
		audit.recordAs(author, right == Right.REPORT ? "reform.task.reported" : "reform.task.contributed",
				"reform_task", task.no(), before, afterState);
		return tasks.history(task.no()).stream().filter(h -> h.id().equals(id)).map(this::entry).findFirst()
				.orElseThrow();
	}

	/**
	 * An attachment for those whose duty covers its task: the staff of the task's lead and cooperating units,
	 * and the commission's leaders. For anyone else it does not exist (404): reports may carry names and
	 * figures not meant for every unit.
	 */
	public AttachmentContent attachment(SignedInUser user, UUID id) {
		ReformTasks.StoredAttachment a = tasks.attachment(id)
				.filter(found -> mayDownload(user, tasks.find(found.taskNo()).orElseThrow()))
				.orElseThrow(() -> Problem.notFound("附件不存在。"));
		return new AttachmentContent(a.filename(), a.mediaType(), a.size(), files.open(a.sha256()));
	}

	/** Whether the user may download the attachments of task {@code no}. */
	public boolean mayDownload(SignedInUser user, int no) {
		return mayDownload(user, tasks.find(no).orElseThrow(() -> notFound(no)));
	}

	/** Whether the user may download the task's attachments (its units' staff, leaders). */
	public boolean mayDownload(SignedInUser user, ReformTask task) {
		return user != null && (user.has(Role.LEADER) || rightOn(user, task) != Right.NONE);
	}

	public Dashboard dashboard() {
		LocalDate today = today();
		Map<TaskStatus, Integer> counts = new LinkedHashMap<>();
		for (TaskStatus s : TaskStatus.values()) {
			counts.put(s, 0);
		}
		tasks.countByStatus().forEach(r -> counts.put(r.status(), r.count()));
		List<Dashboard.StatusCount> byStatus = counts.entrySet().stream()
				.map(e -> new Dashboard.StatusCount(e.getKey(), e.getKey().label(), e.getValue())).toList();
		List<Dashboard.GroupStat> byGroup = tasks.statsByGroup(today).stream()
				.map(g -> new Dashboard.GroupStat(g.group(), g.title(), g.total(), g.completed(), g.overdue(),
						g.averageProgress()))
				.toList();
		List<Dashboard.DivisionStat> byDivision = tasks.statsByLeadUnit(today).stream()
				.map(u -> new Dashboard.DivisionStat(u.code(), name(u.code()), u.total(), u.completed(), u.overdue(),
						u.averageProgress()))
				.toList();
		List<ReformTask> late = tasks.overdue(today);
		List<TaskSummary> overdue = late.stream().map(t -> summary(t, null, today)).toList();
		List<TaskSummary> dueSoon = dueSoon(today).stream().map(t -> summary(t, null, today))
				.sorted(Comparator.comparing(TaskSummary::deadline).thenComparing(TaskSummary::no)).toList();
		return new Dashboard(today, settings.warningWorkingDays(), counts.values().stream().mapToInt(i -> i).sum(),
				tasks.averageProgress(), byStatus, byGroup, byDivision, overdue, dueSoon, latestReports(),
				lateByDivision(late, today), indicators.all());
	}

	/** Overdue tasks by lead division (a task led by two counts for each), the latest first. */
	private List<Dashboard.LateDivision> lateByDivision(List<ReformTask> late, LocalDate today) {
		Map<String, List<ReformTask>> byUnit = new LinkedHashMap<>();
		Map<String, List<String>> contactsByUnit = late.isEmpty() ? Map.of() : contacts.contactsByUnit();
		late.forEach(t -> t.leadUnits().forEach(u -> byUnit.computeIfAbsent(u, k -> new java.util.ArrayList<>()).add(t)));
		return byUnit.entrySet().stream().map(e -> {
			LocalDate oldest = e.getValue().stream().map(ReformTask::deadline).min(Comparator.naturalOrder()).orElseThrow();
			return new Dashboard.LateDivision(e.getKey(), name(e.getKey()), e.getValue().size(),
					java.time.temporal.ChronoUnit.DAYS.between(oldest, today), oldest, contactsByUnit.getOrDefault(e.getKey(), List.of()));
		}).sorted(Comparator.comparingLong(Dashboard.LateDivision::mostDaysLate).reversed()
				.thenComparing(Dashboard.LateDivision::name)).toList();
	}

	private List<Dashboard.RecentReport> latestReports() {
		return tasks.latestReports(10).stream().map(l -> {
			ReformTasks.HistoryRow r = l.row();
			return new Dashboard.RecentReport(r.taskNo(), l.taskContent(), kindLabel(r.kind()), name(r.unit()),
					r.authorName(), r.text(), r.progress(), r.createdAt());
		}).toList();
	}

	/** The plan's groups, number to title, for filters. */
	public Map<Integer, String> groups() {
		Map<Integer, String> groups = new LinkedHashMap<>();
		tasks.statsByGroup(today()).forEach(g -> groups.put(g.group(), g.title()));
		return groups;
	}

	/** Open tasks due within the configured number of working days, today included. */
	List<ReformTask> dueSoon(LocalDate today) {
		return tasks.openFrom(today).stream().filter(t -> isDueSoon(t, today)).toList();
	}

	LocalDate today() {
		return LocalDate.now(clock);
	}

	String name(String unitCode) {
		return organisation.byCode(unitCode).map(OrgUnit::name).orElse(unitCode);
	}

	private boolean isDueSoon(ReformTask t, LocalDate today) {
		if (t.status() == TaskStatus.COMPLETED || t.deadline().isBefore(today)) {
			return false;
		}
		OptionalInt left = workingDaysLeft(today, t.deadline());
		return left.isPresent() && left.getAsInt() <= settings.warningWorkingDays();
	}

	/**
	 * Working days from today to the deadline by the legal calendar (provisional for a year not entered yet);
	 * empty when the calendar refuses a year on the way: then no due-soon warning is guessed (overdue still shows).
	 */
	OptionalInt workingDaysLeft(LocalDate today, LocalDate deadline) {
		try {
			return OptionalInt.of(calendar.workingDaysBetween(today, deadline));
		}
		catch (Problem problem) {
			if (!WorkingDayCalendar.YEAR_MISSING.equals(problem.type())) {
				throw problem;
			}
			return OptionalInt.empty();
		}
	}

	private Right rightOn(SignedInUser user, ReformTask task) {
		if (user == null || !user.has(Role.DIVISION_STAFF)) {
			return Right.NONE;
		}
		if (task.isLedBy(user.orgUnitCode())) {
			return Right.REPORT;
		}
		return task.hasCooperating(user.orgUnitCode()) ? Right.CONTRIBUTE : Right.NONE;
	}

	private TaskSummary summary(ReformTask t, String latestReport, LocalDate today) {
		return new TaskSummary(t.no(), t.group(), t.groupTitle(), t.part(), t.partTitle(), t.content(),
				names(t.leadUnits()), names(t.cooperatingUnits()), names(t.relatedUnits()), t.deadline(),
				t.deadlineText(), t.remarks(), t.status(), t.status().label(), t.progress(), t.isOverdue(today),
				isDueSoon(t, today), t.lastReportAt(), latestReport,
				t.isOverdue(today) ? java.time.temporal.ChronoUnit.DAYS.between(t.deadline(), today) : 0);
	}

	private HistoryEntry entry(ReformTasks.HistoryRow r) {
		return new HistoryEntry(r.id(), r.taskNo(), r.kind(), kindLabel(r.kind()),
				r.author(), r.authorName(), name(r.unit()), r.text(), r.progress(), r.status(), r.reason(), r.demo(),
				r.createdAt(), List.copyOf(r.attachments()));
	}

	private List<String> names(List<String> codes) {
		return codes.stream().map(this::name).toList();
	}

	private static String safeName(String filename) {
		if (filename == null || filename.isBlank()) {
			return "附件";
		}
		// browsers send a bare name, old ones a full path; keep the last segment, without control characters
		String name = filename.replace('\\', '/');
		name = name.substring(name.lastIndexOf('/') + 1).replaceAll("\\p{Cntrl}", "");
		return name.length() > 200 ? name.substring(name.length() - 200) : name;
	}

	static Problem notFound(int no) {
		return Problem.notFound("没有编号为 " + no + " 的改革任务。");
	}

	private static String kindLabel(String kind) {
		return kind.equals("REPORT") ? "进展报告" : "配合情况";
	}
}
