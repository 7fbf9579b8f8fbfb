package org.tongban.feedback;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongban.cases.CaseId;
import org.tongban.cases.WarningLevel;
import org.tongban.shared.AuditTrail;
import org.tongban.shared.Problem;
import org.tongban.shared.WorkingDayCalendar;

/**
 * 差评整改, as 《国务院办公厅关于建立政务服务“好差评”制度提高政务服务水平的意见》（国办发〔2019〕51号） asks: a bad rating
 * is verified with the person (here: contact within 1 working day), put right and answered within
 * {@code tongban.feedback.reply-working-days} working days (default 5), and the person confirms or reopens.
 * Days come from the shared working-day calendar and the injected clock. Who may act is checked by the caller.
 */
@Service
public class Rectifications {

	public static final int CONTACT_WORKING_DAYS = 1;

	private final JdbcClient jdbc;
	private final org.tongban.notification.Inbox inbox;
	private final WorkingDayCalendar calendar;
	private final AuditTrail audit;
	private final Clock clock;
	private final Deadlines deadlines;
	private final int replyDays;

	Rectifications(JdbcClient jdbc, org.tongban.notification.Inbox inbox, WorkingDayCalendar calendar, AuditTrail audit,
			Clock clock, Deadlines deadlines, @Value("${tongban.feedback.reply-working-days:5}") int replyDays) {
		this.jdbc = jdbc;
		this.inbox = inbox;
		this.calendar = calendar;
		this.audit = audit;
		this.clock = clock;
		this.deadlines = deadlines;
		this.replyDays = replyDays;
	}

	public int replyDays() {
		return replyDays;
	}

	private LocalDate today() {
		return deadlines.today();
	}

	/** Opens a task for the rating unless one is open already (a changed bad rating does not open a second). */
	@Transactional
	void openFor(Rating rating, String unit, String actor) {
		boolean open = jdbc.sql("SELECT count(*) FROM feedback_rectification WHERE rating_id = ? AND status <> 'CONFIRMED'")
			.param(rating.id()).query(Long.class).single() > 0;
		if (open) {
			return;
		}
		LocalDate today = today();
		UUID id = UUID.randomUUID();
		jdbc.sql("""
				INSERT INTO feedback_rectification (id, rating_id, case_id, unit, status, opened_on, contact_due, reply_due)
				VALUES (?, ?, ?, ?, 'OPEN', ?, ?, ?)""")
			.params(id, rating.id(), rating.caseId().value(), unit, today,
					calendar.plusWorkingDays(today, CONTACT_WORKING_DAYS), calendar.plusWorkingDays(today, replyDays))
			.update();
		step(id, "open", actor, "“" + rating.stage().label() + "”环节评价为“" + rating.levelLabel() + "”");
		LocalDate contactDue = calendar.plusWorkingDays(today, CONTACT_WORKING_DAYS);
		inbox.notifyUnit(unit, "好差评", "新的差评整改任务：" + rating.itemName(), "申请人对“" + rating.stage().label()
				+ "”环节评价为“" + rating.levelLabel() + "”。请于 " + contactDue + " 前联系申请人，"
				+ calendar.plusWorkingDays(today, replyDays) + " 前整改并答复。", "/feedback/rectifications",
				"rectification-open-" + id);
		audit.record("feedback.rectification.open", "rectification", id, null, Map.of("unit", unit));
	}

	/** 联系: the unit has reached the person. */
	@Transactional
	public Rectification contact(UUID id, String actor, String note) {
		Rectification r = get(id);
		require(r, "联系申请人", Rectification.Status.OPEN);
		jdbc.sql("UPDATE feedback_rectification SET status = 'CONTACTED', contacted_at = ? WHERE id = ?")
			.params(Timestamp.from(clock.instant()), id).update();
		return recorded(r, "contact", actor, required(note, "请填写联系申请人的情况。"));
	}

	/** 答复: what was put right; on time when made on or before the reply date (every reply counts). */
	@Transactional
	public Rectification reply(UUID id, String actor, String note) {
		Rectification r = get(id);
		require(r, "答复整改情况", Rectification.Status.CONTACTED, Rectification.Status.REOPENED);
		boolean onTime = !today().isAfter(r.replyDue()) && (r.repliedOnTime() == null || r.repliedOnTime());
		jdbc.sql("UPDATE feedback_rectification SET status = 'REPLIED', replied_at = ?, replied_on_time = ? WHERE id = ?")
			.params(Timestamp.from(clock.instant()), onTime, id).update();
		return recorded(r, "reply", actor, required(note, "请填写整改和答复的内容。"));
	}

	/** The person accepts the answer: the task is closed. */
	@Transactional
	public Rectification confirm(UUID id, String actor, String note) {
		Rectification r = get(id);
		require(r, "确认整改结果", Rectification.Status.REPLIED);
		jdbc.sql("UPDATE feedback_rectification SET status = 'CONFIRMED', closed_at = ? WHERE id = ?")
			.params(Timestamp.from(clock.instant()), id).update();
		return recorded(r, "confirm", actor, note == null || note.isBlank() ? null : note);
	}

	/** The person is still dissatisfied: the unit rectifies again, with a new reply date. */
	@Transactional
	public Rectification reopen(UUID id, String actor, String note) {
		Rectification r = get(id);
		require(r, "重新提出整改", Rectification.Status.REPLIED);
		jdbc.sql("UPDATE feedback_rectification SET status = 'REOPENED', reply_due = ? WHERE id = ?")
			.params(calendar.plusWorkingDays(today(), replyDays), id).update();
		return recorded(r, "reopen", actor, required(note, "请说明仍不满意的原因。"));
	}

	private Rectification recorded(Rectification before, String action, String actor, String note) {
		step(before.id(), action, actor, note);
		Rectification after = get(before.id());
		audit.record("feedback.rectification." + action, "rectification", before.id(),
				Map.of("status", before.status().name()), Map.of("status", after.status().name()));
		return after;
	}

	private static String required(String note, String message) {
		if (note == null || note.isBlank()) {
			throw Problem.invalid("note", message);
		}
		if (note.length() > Ratings.TEXT_LIMIT) {
			throw Problem.invalid("note", "说明不能超过 " + Ratings.TEXT_LIMIT + " 字。");
		}
		return note.strip();
	}

	private static void require(Rectification r, String what, Rectification.Status... allowed) {
		if (!List.of(allowed).contains(r.status())) {
			throw Problem.conflict("整改任务当前为“" + r.status().label() + "”，不能" + what + "。").with("status", r.status().name());
		}
	}

	private void step(UUID id, String action, String actor, String note) {
		jdbc.sql("INSERT INTO feedback_rectification_step (rectification_id, action, actor, note, at) VALUES (?, ?, ?, ?, ?)")
			.params(id, action, actor, note, Timestamp.from(clock.instant())).update();
	}

	public Rectification get(UUID id) {
		return find(id).orElseThrow(() -> Problem.notFound("未找到该整改任务。"));
	}

	public Optional<Rectification> find(UUID id) {
		return jdbc.sql("SELECT * FROM feedback_rectification WHERE id = ?").param(id).query(this::row).optional();
	}

	/** The tasks of a case, newest first. */
	public List<Rectification> ofCase(CaseId id) {
		return jdbc.sql("SELECT * FROM feedback_rectification WHERE case_id = ? ORDER BY opened_on DESC, id")
			.param(id.value()).query(this::row).list();
	}

	/** Tasks of a unit, or of all units when {@code unit} is null; open ones first, by due date. */
	public List<Rectification> list(String unit) {
		return jdbc.sql("""
				SELECT * FROM feedback_rectification WHERE (CAST(:unit AS text) IS NULL OR unit = :unit)
				ORDER BY status = 'CONFIRMED', CASE status WHEN 'OPEN' THEN contact_due ELSE reply_due END, id LIMIT 500""")
			.param("unit", unit).query(this::row).list();
	}

	/** Every task bound to a date of its unit (to contact or to answer), for the warnings: no page limit. */
	List<Rectification> awaitingUnit() {
		return jdbc.sql("SELECT * FROM feedback_rectification WHERE status IN ('OPEN', 'CONTACTED', 'REOPENED') ORDER BY id")
			.query(this::row).list();
	}

	/** How close a task is to its next date: RED past it, AMBER with one working day or less left. */
	WarningLevel warning(Rectification.Status status, LocalDate contactDue, LocalDate replyDue) {
		LocalDate due = switch (status) {
			case OPEN -> contactDue;
			case CONTACTED, REOPENED -> replyDue;
			default -> null;
		};
		return deadlines.warning(due);
	}

	private Rectification row(ResultSet rs, int i) throws SQLException {
		UUID id = rs.getObject("id", UUID.class);
		Rectification.Status status = Rectification.Status.valueOf(rs.getString("status"));
		LocalDate contactDue = rs.getObject("contact_due", LocalDate.class);
		LocalDate replyDue = rs.getObject("reply_due", LocalDate.class);
		Object onTime = rs.getObject("replied_on_time");
		return new Rectification(id, rs.getObject("rating_id", UUID.class), new CaseId(rs.getObject("case_id", UUID.class)),
				rs.getString("unit"), status, rs.getObject("opened_on", LocalDate.class), contactDue, replyDue,
				instant(rs, "contacted_at"), instant(rs, "replied_at"), (Boolean) onTime, instant(rs, "closed_at"),
				warning(status, contactDue, replyDue), steps(id));
	}

	private List<Rectification.Step> steps(UUID id) {
		return jdbc.sql("SELECT action, actor, note, at FROM feedback_rectification_step WHERE rectification_id = ? ORDER BY id")
			.param(id).query((rs, i) -> new Rectification.Step(rs.getString("action"), label(rs.getString("action")),
					rs.getString("actor"), rs.getString("note"), rs.getTimestamp("at").toInstant()))
			.list();
	}

	private static String label(String action) {
		return switch (action) {
			case "open" -> "差评生成整改任务";
			case "contact" -> "联系申请人";
			case "reply" -> "答复整改情况";
			case "confirm" -> "申请人确认";
			case "reopen" -> "申请人重新提出";
			default -> action;
		};
	}

	private static java.time.Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp t = rs.getTimestamp(column);
		return t == null ? null : t.toInstant();
	}
}
