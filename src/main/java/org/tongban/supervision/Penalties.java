package org.tongban.supervision;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongban.shared.AuditTrail;
import org.tongban.shared.FieldMessage;
import org.tongban.shared.Problem;
import org.tongban.shared.Sm3;
import org.tongban.shared.WorkingDayCalendar;
import org.tongban.supervision.DiscretionBaseline.Circumstance;
import org.tongban.supervision.DiscretionBaseline.Measure;
import org.tongban.supervision.EnforcementRecords.Subject;
import org.tongban.supervision.PenaltyCase.Status;

/**
 * Penalty cases through the three enforcement rules: each step is checked against the case's status (409 with the
 * allowed actions otherwise), audited, and appended to the full-process record with the SM3 of the document it
 * produced. A proposal is checked against the discretion baseline; one that leaves it, or a major decision, waits
 * for legal review by a designated reviewer who is not the handler. The decision becomes a PENALTY credit event and
 * falls due for publication within 7 working days.
 */
@Service
public class Penalties {

	static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	/** What opens a case. */
	public record Opening(String uscc, UUID inspectionId, String summary) {
	}

	/** A proposed decision. {@code fine} in yuan; {@code departureReason} is required when the baseline is left. */
	public record Proposal(String violation, String circumstance, List<String> measures, Long fine, String facts,
			String departureReason) {
	}

	/** A legal reviewer's outcome: {@code APPROVE} or {@code RETURN}, with the written opinion. */
	public record Review(String outcome, String opinion) {
	}

	/** One round of legal review as kept. */
	public record ReviewRound(UUID id, String reviewer, String outcome, String opinion, Instant at) {
	}

	/** The decision: its document number (处罚决定书文号). */
	public record Decision(String documentNumber) {
	}

	private final JdbcClient jdbc;
	private final Register register;
	private final DiscretionBaseline baseline;
	private final LegalReviewers reviewers;
	private final EnforcementRecords records;
	private final Grading grading;
	private final WorkingDayCalendar calendar;
	private final PenaltySettings settings;
	private final AuditTrail audit;
	private final Clock clock;

	Penalties(JdbcClient jdbc, Register register, DiscretionBaseline baseline, LegalReviewers reviewers,
			EnforcementRecords records, Grading grading, WorkingDayCalendar calendar, PenaltySettings settings,
			AuditTrail audit, Clock clock) {
		this.jdbc = jdbc;
		this.register = register;
		this.baseline = baseline;
		this.reviewers = reviewers;
		this.records = records;
		this.grading = grading;
		this.calendar = calendar;
		this.settings = settings;
		this.audit = audit;
		this.clock = clock;
	}

	LocalDate today() {
		return LocalDate.now(clock.withZone(SHANGHAI));
	}

	@Transactional
	public PenaltyCase open(Opening o, String handler) {
		List<FieldMessage> errors = new ArrayList<>();
		Optional<RegulatedEntity> entity = o == null || o.uscc() == null ? Optional.empty() : register.find(o.uscc().strip());
		if (entity.isEmpty()) {
			errors.add(new FieldMessage("uscc", "登记册中没有该统一社会信用代码的单位"));
		}
		else if (o.inspectionId() != null && jdbc.sql("SELECT count(*) FROM supervision_inspection WHERE id = ? AND uscc = ?")
			.params(o.inspectionId(), entity.get().uscc()).query(Long.class).single() == 0) {
			errors.add(new FieldMessage("inspectionId", "未找到该单位的这次检查"));
		}
		if (o == null || o.summary() == null || o.summary().isBlank()) {
			errors.add(new FieldMessage("summary", "请写明案由（涉嫌的违法行为和案件来源）"));
		}
		else if (o.summary().length() > 500) {
			errors.add(new FieldMessage("summary", "案由不超过 500 字"));
		}
		if (!errors.isEmpty()) {
			throw Problem.invalid(errors);
		}
		UUID id = UUID.randomUUID();
		Instant now = clock.instant();
		RegulatedEntity e = entity.get();
		jdbc.sql("""
				INSERT INTO supervision_penalty_case (id, uscc, entity_name, inspection_id, summary, handler, status, opened_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(id, e.uscc(), e.name(), o.inspectionId(), o.summary().strip(), handler, Status.OPENED.name(),
					Timestamp.from(now)).update();
		String detail = "立案：" + e.name() + "（" + e.uscc() + "）；案由：" + o.summary().strip()
				+ (o.inspectionId() == null ? "" : "；检查 " + o.inspectionId());
		records.append(Subject.PENALTY, id, "OPENED", handler, detail, Sm3.hex(detail));
		audit.record("supervision.penalty.open", "penalty", id, null, Map.of("uscc", e.uscc(), "handler", handler));
		return find(id).orElseThrow();
	}

	/** Proposes (or revises) the decision; only the handler does. */
	@Transactional
	public PenaltyCase propose(UUID id, Proposal p, String actor) {
		PenaltyCase c = lockedFor(id, "propose");
		if (!c.handler().equals(actor)) {
			throw Problem.forbidden("只有本案承办人可以拟定处罚意见。");
		}
		List<FieldMessage> errors = new ArrayList<>();
		var violation = baseline.violation(p == null ? null : p.violation());
		if (violation.isEmpty()) {
			errors.add(new FieldMessage("violation", "请从裁量基准中选择违法行为"));
		}
		Circumstance circumstance = p == null ? null : parse(Circumstance.class, p.circumstance());
		if (circumstance == null) {
			errors.add(new FieldMessage("circumstance", "情形须为 MINOR（轻微）、GENERAL（一般）、SERIOUS（较重）、SEVERE（严重）之一"));
		}
		Set<Measure> measures = EnumSet.noneOf(Measure.class);
		if (p == null || p.measures() == null || p.measures().isEmpty()) {
			errors.add(new FieldMessage("measures", "请选择至少一种处罚种类"));
		}
		else {
			for (String m : p.measures()) {
				Measure measure = parse(Measure.class, m);
				if (measure == null) {
					errors.add(new FieldMessage("measures", "未知的处罚种类“" + m + "”"));
				}
				else {
					measures.add(measure);
				}
			}
		}
		Long fine = p == null ? null : p.fine();
		if (measures.contains(Measure.FINE) && (fine == null || fine <= 0)) {
			errors.add(new FieldMessage("fine", "处以罚款的，请填写罚款金额（元，大于 0）"));
		}
		else if (!measures.contains(Measure.FINE) && fine != null) {
			errors.add(new FieldMessage("fine", "未选择“罚款”时不填罚款金额"));
		}
		if (p == null || p.facts() == null || p.facts().isBlank()) {
			errors.add(new FieldMessage("facts", "请写明违法事实和证据"));
		}
		else if (p.facts().length() > 2000) {
			errors.add(new FieldMessage("facts", "违法事实不超过 2000 字"));
		}
		if (!errors.isEmpty()) {
			throw Problem.invalid(errors);
		}
		DiscretionBaseline.Violation v = violation.get();
		DiscretionBaseline.Assessment a = baseline.assess(v, circumstance, measures, fine);
		if (!a.unlawful().isEmpty()) {
			throw Problem.invalid(a.unlawful().stream().map(m -> new FieldMessage(m.contains("罚款") ? "fine" : "measures", m))
				.toList());
		}
		String reason = p.departureReason() == null || p.departureReason().isBlank() ? null : p.departureReason().strip();
		if (!a.departures().isEmpty() && reason == null) {
			throw Problem.invalid("departureReason", "处罚超出裁量基准（" + String.join("；", a.departures())
					+ "），须书面说明理由，并经法制审核");
		}
		if (reason != null && reason.length() > 1000) {
			throw Problem.invalid("departureReason", "理由不超过 1000 字");
		}
		List<String> major = new ArrayList<>();
		if (fine != null && fine >= settings.majorFineFrom()) {
			major.add("罚款 " + fine + " 元，达到重大执法决定标准（" + settings.majorFineFrom() + " 元以上）");
		}
		measures.stream().filter(settings.majorMeasures()::contains)
			.forEach(m -> major.add("“" + m.label() + "”属重大执法决定"));
		Status next = a.departures().isEmpty() && major.isEmpty() ? Status.PROPOSED : Status.IN_REVIEW;
		Instant now = clock.instant();
		jdbc.sql("""
				UPDATE supervision_penalty_case SET status = ?, violation = ?, circumstance = ?, measures = ?, fine = ?,
				facts = ?, departures = ?, departure_reason = ?, major_reasons = ?, proposed_at = ? WHERE id = ?""")
			.params(next.name(), v.code(), circumstance.name(), join(measures), fine, p.facts().strip(),
					String.join("\n", a.departures()), a.departures().isEmpty() ? null : reason, String.join("\n", major),
					Timestamp.from(now), id).update();
		String document = String.join("\u001f", v.code(), circumstance.name(), join(measures), String.valueOf(fine),
				p.facts().strip(), reason == null ? "" : reason);
		String detail = "拟处罚：" + v.name() + "（" + circumstance.label() + "）；" + v.penaltyBasis() + "；"
				+ String.join("、", measures.stream().map(Measure::label).toList()) + (fine == null ? "" : "，罚款 " + fine + " 元")
				+ (a.departures().isEmpty() ? "" : "；超出基准：" + String.join("；", a.departures()) + "；理由：" + reason)
				+ (major.isEmpty() ? "" : "；重大执法决定：" + String.join("；", major))
				+ (next == Status.IN_REVIEW ? "；送法制审核" : "");
		records.append(Subject.PENALTY, id, "PROPOSED", actor, detail, Sm3.hex(document));
		Map<String, Object> after = new LinkedHashMap<>();
		after.put("violation", v.code());
		after.put("circumstance", circumstance.name());
		after.put("measures", join(measures));
		after.put("fine", fine == null ? "" : fine);
		after.put("status", next.name());
		audit.record("supervision.penalty.propose", "penalty", id, Map.of("status", c.status().name()), after);
		return find(id).orElseThrow();
	}

	/** Legal review by a designated reviewer who is not the handler. */
	@Transactional
	public PenaltyCase review(UUID id, Review r, String actor) {
		PenaltyCase c = lockedFor(id, "review");
		if (!reviewers.isReviewer(actor)) {
			throw Problem.forbidden("只有指定的法制审核人员可以进行法制审核。");
		}
		if (c.handler().equals(actor)) {
			throw Problem.forbidden("法制审核人员不能审核本人承办的案件。");
		}
		List<FieldMessage> errors = new ArrayList<>();
		if (r == null || !("APPROVE".equals(r.outcome()) || "RETURN".equals(r.outcome()))) {
			errors.add(new FieldMessage("outcome", "审核结果须为 APPROVE（同意）或 RETURN（退回修改）"));
		}
		if (r == null || r.opinion() == null || r.opinion().isBlank()) {
			errors.add(new FieldMessage("opinion", "请写明法制审核意见"));
		}
		else if (r.opinion().length() > 2000) {
			errors.add(new FieldMessage("opinion", "审核意见不超过 2000 字"));
		}
		if (!errors.isEmpty()) {
			throw Problem.invalid(errors);
		}
		Status next = "APPROVE".equals(r.outcome()) ? Status.APPROVED : Status.RETURNED;
		Instant now = clock.instant();
		jdbc.sql("INSERT INTO supervision_penalty_review (id, case_id, reviewer, outcome, opinion, at) VALUES (?, ?, ?, ?, ?, ?)")
			.params(UUID.randomUUID(), id, actor, r.outcome(), r.opinion().strip(), Timestamp.from(now)).update();
		jdbc.sql("UPDATE supervision_penalty_case SET status = ? WHERE id = ?").params(next.name(), id).update();
		String detail = "法制审核" + (next == Status.APPROVED ? "同意" : "退回") + "：" + r.opinion().strip();
		records.append(Subject.PENALTY, id, "REVIEWED", actor, detail, Sm3.hex(detail));
		audit.record("supervision.penalty.review", "penalty", id, Map.of("status", c.status().name()),
				Map.of("status", next.name(), "outcome", r.outcome()));
		return find(id).orElseThrow();
	}

	/** The decision by a planner other than the handler (查审分离); a PENALTY credit event for the entity. */
	@Transactional
	public PenaltyCase decide(UUID id, Decision d, String actor) {
		PenaltyCase c = lockedFor(id, "decide");
		if (c.handler().equals(actor)) {
			throw Problem.forbidden("处罚决定不能由本案承办人作出（《行政处罚法》第五十七条：由行政机关负责人决定）。");
		}
		if (c.reviewRequired() && c.status() != Status.APPROVED) {
			throw Problem.conflict("本案须经法制审核同意后才能作出决定。").with("allowedActions", List.of("review"));
		}
		String number = d == null || d.documentNumber() == null ? "" : d.documentNumber().strip();
		if (number.isEmpty() || number.length() > 60) {
			throw Problem.invalid("documentNumber", "请填写处罚决定书文号（不超过 60 字）");
		}
		if (jdbc.sql("SELECT count(*) FROM supervision_penalty_case WHERE decision_number = ?").param(number)
			.query(Long.class).single() > 0) {
			throw Problem.invalid("documentNumber", "文号“" + number + "”已被其他处罚决定使用");
		}
		Instant now = clock.instant();
		LocalDate on = today();
		LocalDate due = calendar.plusWorkingDays(on, settings.publicationWorkingDays());
		jdbc.sql("""
				UPDATE supervision_penalty_case SET status = ?, decision_number = ?, decided_by = ?, decided_at = ?,
				decided_on = ?, publication_due = ? WHERE id = ?""")
			.params(Status.DECIDED.name(), number, actor, Timestamp.from(now), Date.valueOf(on), Date.valueOf(due), id)
			.update();
		PenaltyCase decided = find(id).orElseThrow();
		String note = "行政处罚决定书 " + number + "：" + baseline.violation(c.violation()).map(v -> v.name()).orElse(c.violation())
				+ "；" + decided.decisionText();
		jdbc.sql("""
				INSERT INTO supervision_credit_event (id, uscc, kind, occurred_on, note, source_ref, recorded_by, recorded_at)
				VALUES (?, ?, 'PENALTY', ?, ?, ?, ?, ?)""")
			.params(UUID.randomUUID(), c.uscc(), Date.valueOf(on), note, "penalty:" + id, actor, Timestamp.from(now))
			.update();
		grading.regrade(c.uscc());
		String detail = "作出处罚决定：" + note + "；应于 " + due + " 前公示";
		records.append(Subject.PENALTY, id, "DECIDED", actor, detail, Sm3.hex(detail));
		audit.record("supervision.penalty.decide", "penalty", id, Map.of("status", c.status().name()),
				Map.of("status", Status.DECIDED.name(), "decisionNumber", number, "publicationDue", due.toString()));
		return decided;
	}

	/** Publishes a decision (行政执法公示). */
	@Transactional
	public PenaltyCase publish(UUID id, String actor) {
		PenaltyCase c = lockedFor(id, "publish");
		Instant now = clock.instant();
		jdbc.sql("UPDATE supervision_penalty_case SET status = ?, published_at = ?, published_by = ? WHERE id = ?")
			.params(Status.PUBLISHED.name(), Timestamp.from(now), actor, id).update();
		LocalDate on = today();
		String detail = "公示处罚决定 " + c.decisionNumber() + (on.isAfter(c.publicationDue())
				? "（逾期：应于 " + c.publicationDue() + " 前公示）" : "（期限 " + c.publicationDue() + "）");
		records.append(Subject.PENALTY, id, "PUBLISHED", actor, detail, Sm3.hex(detail));
		audit.record("supervision.penalty.publish", "penalty", id, Map.of("status", c.status().name()),
				Map.of("status", Status.PUBLISHED.name()));
		return find(id).orElseThrow();
	}

	/** The case, locked; 409 with the allowed actions when its step does not offer {@code action}. */
	private PenaltyCase lockedFor(UUID id, String action) {
		PenaltyCase c = jdbc.sql(SELECT + " WHERE id = ? FOR UPDATE").param(id).query(Penalties::row).optional()
			.orElseThrow(() -> Problem.notFound("未找到该处罚案件。"));
		if (!c.status().actions().contains(action)) {
			throw Problem.conflict("案件当前状态为“" + c.status().label() + "”，不能进行该操作。")
				.with("status", c.status().name()).with("allowedActions", c.status().actions());
		}
		return c;
	}

	public Optional<PenaltyCase> find(UUID id) {
		return jdbc.sql(SELECT + " WHERE id = ?").param(id).query(Penalties::row).optional();
	}

	/** Cases, newest first; only the handler's when {@code handler} is given. */
	public List<PenaltyCase> list(String handler, int limit) {
		return jdbc.sql(SELECT + " WHERE CAST(? AS TEXT) IS NULL OR handler = ? ORDER BY opened_at DESC, id LIMIT ?")
			.params(handler, handler, limit).query(Penalties::row).list();
	}

	public List<ReviewRound> reviewsOf(UUID id) {
		return jdbc.sql("SELECT id, reviewer, outcome, opinion, at FROM supervision_penalty_review WHERE case_id = ? "
				+ "ORDER BY at, id").param(id)
			.query((rs, i) -> new ReviewRound(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
					rs.getString(4), rs.getTimestamp(5).toInstant()))
			.list();
	}

	static final String SELECT = """
			SELECT id, uscc, entity_name, inspection_id, summary, handler, status, opened_at, violation, circumstance,
			measures, fine, facts, departures, departure_reason, major_reasons, proposed_at, decision_number, decided_by,
			decided_at, decided_on, publication_due, published_at, published_by FROM supervision_penalty_case""";

	static PenaltyCase row(ResultSet rs, int i) throws SQLException {
		String measures = rs.getString(11);
		Set<Measure> ms = EnumSet.noneOf(Measure.class);
		if (measures != null && !measures.isEmpty()) {
			Arrays.stream(measures.split(",")).map(Measure::valueOf).forEach(ms::add);
		}
		long fine = rs.getLong(12);
		Long fineOrNull = rs.wasNull() ? null : fine;
		String circumstance = rs.getString(10);
		return new PenaltyCase(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getObject(4, UUID.class),
				rs.getString(5), rs.getString(6), Status.valueOf(rs.getString(7)), rs.getTimestamp(8).toInstant(),
				rs.getString(9), circumstance == null ? null : Circumstance.valueOf(circumstance), ms, fineOrNull,
				rs.getString(13), lines(rs.getString(14)), rs.getString(15), lines(rs.getString(16)), instant(rs, 17),
				rs.getString(18), rs.getString(19), instant(rs, 20), date(rs, 21), date(rs, 22), instant(rs, 23),
				rs.getString(24));
	}

	private static List<String> lines(String text) {
		return text == null || text.isEmpty() ? List.of() : List.of(text.split("\n"));
	}

	private static Instant instant(ResultSet rs, int column) throws SQLException {
		Timestamp t = rs.getTimestamp(column);
		return t == null ? null : t.toInstant();
	}

	private static LocalDate date(ResultSet rs, int column) throws SQLException {
		Date d = rs.getDate(column);
		return d == null ? null : d.toLocalDate();
	}

	private static String join(Set<Measure> measures) {
		return measures.stream().map(Enum::name).collect(Collectors.joining(","));
	}

	private static <E extends Enum<E>> E parse(Class<E> type, String name) {
		if (name == null) {
			return null;
		}
		try {
			return Enum.valueOf(type, name.strip());
		}
		catch (IllegalArgumentException e) {
			return null;
		}
	}
}
