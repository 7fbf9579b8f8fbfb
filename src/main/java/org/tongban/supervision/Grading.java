package org.tongban.supervision;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongban.cases.Applicant;
import org.tongban.cases.CommitmentBroken;
import org.tongban.shared.AuditTrail;
import org.tongban.shared.FieldMessage;
import org.tongban.shared.Problem;

import tools.jackson.databind.json.JsonMapper;

/**
 * Credit events and grading: an event changes its entity's grades at once; a rule change regrades the whole
 * register in one pass (read all events in the window, grade in memory, write back in chunks).
 */
@Service
public class Grading {

	/** The kinds staff record by hand; false commitments come only from cases. */
	public static final Set<String> RECORDED_KINDS = Set.of("PENALTY", "COMPLAINT", "GOOD_RECORD");

	private static final int CHUNK = 10_000;

	private final JdbcClient jdbc;
	private final GradingRules rules;
	private final AuditTrail audit;
	private final JsonMapper json;
	private final Clock clock;

	Grading(JdbcClient jdbc, GradingRules rules, AuditTrail audit, JsonMapper json, Clock clock) {
		this.jdbc = jdbc;
		this.rules = rules;
		this.audit = audit;
		this.json = json;
		this.clock = clock;
	}

	LocalDate today() {
		return LocalDate.now(clock.withZone(ZoneId.of("Asia/Shanghai")));
	}

	/** Records a penalty, complaint or good record by staff and regrades the entity. */
	@Transactional
	public UUID record(String uscc, String kind, LocalDate occurredOn, String note, String actor) {
		List<FieldMessage> errors = new ArrayList<>();
		if (kind == null || !RECORDED_KINDS.contains(kind)) {
			errors.add(new FieldMessage("kind", "信用事件类型须为 PENALTY（行政处罚）、COMPLAINT（经查属实的投诉举报）或 GOOD_RECORD（守信记录）"));
		}
		if (occurredOn == null) {
			errors.add(new FieldMessage("occurredOn", "请填写事件发生日期"));
		}
		else if (occurredOn.isAfter(today())) {
			errors.add(new FieldMessage("occurredOn", "事件发生日期不能晚于今天"));
		}
		if (note == null || note.isBlank()) {
			errors.add(new FieldMessage("note", "请写明事实（如处罚决定书文号、投诉编号）"));
		}
		else if (note.length() > 500) {
			errors.add(new FieldMessage("note", "事实说明不超过 500 字"));
		}
		else if ("PENALTY".equals(kind)) {
			// a decision made in this system is already a credit event (Penalties.decide): counted once
			jdbc.sql("SELECT decision_number FROM supervision_penalty_case WHERE uscc = ? AND decision_number IS NOT NULL")
				.param(uscc).query(String.class).list().stream().filter(note::contains).findFirst()
				.ifPresent(number -> errors.add(new FieldMessage("note", "处罚决定书 " + number
						+ " 是在本系统作出的决定，已自动记入信用记录；这里只登记在本系统以外作出的处罚")));
		}
		if (!errors.isEmpty()) {
			throw Problem.invalid(errors);
		}
		UUID id = insert(uscc, kind, occurredOn, note.strip(), null, actor);
		audit.record("supervision.credit-event.record", "entity", uscc, null, Map.of("kind", kind, "event", id.toString()));
		regrade(uscc);
		return id;
	}

	/** A false commitment found by post-verification: a credit event for the enterprise, once per case. */
	@ApplicationModuleListener
	void on(CommitmentBroken broken) {
		Applicant applicant = broken.applicant();
		if (applicant == null || applicant.kind() != Applicant.Kind.ENTERPRISE || applicant.uscc() == null) {
			return;
		}
		String ref = "case:" + broken.caseId().value();
		if (jdbc.sql("SELECT count(*) FROM supervision_credit_event WHERE source_ref = ?").param(ref).query(Long.class)
			.single() > 0) {
			return;
		}
		LocalDate on = LocalDate.ofInstant(broken.at(), ZoneId.of("Asia/Shanghai"));
		String note = "事项 " + broken.itemCode() + " 告知承诺核查不实" + (broken.findings() == null ? "" : "：" + broken.findings());
		insert(applicant.uscc(), "COMMITMENT_BROKEN", on, note, ref, broken.inspector() == null ? "system" : broken.inspector());
		audit.recordAs("system", "supervision.credit-event.commitment-broken", "entity", applicant.uscc(), null,
				Map.of("case", broken.caseId().value().toString()));
		regrade(applicant.uscc());
	}

	/**
	 * A completed self-check with every risk point's fix confirmed: a good record that may lower the risk grade
	 * (the rules' relief), once per self-check ({@code ref}).
	 */
	UUID recordSelfCheck(String uscc, String note, String ref, String actor) {
		UUID id = insert(uscc, "SELF_CHECK", today(), note, ref, actor);
		audit.record("supervision.credit-event.self-check", "entity", uscc, null, Map.of("event", id.toString(), "ref", ref));
		regrade(uscc);
		return id;
	}

	private UUID insert(String uscc, String kind, LocalDate on, String note, String ref, String actor) {
		UUID id = UUID.randomUUID();
		jdbc.sql("""
				INSERT INTO supervision_credit_event (id, uscc, kind, occurred_on, note, source_ref, recorded_by, recorded_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(id, uscc, kind, Date.valueOf(on), note, ref, actor, Timestamp.from(clock.instant())).update();
		return id;
	}

	/** The events that count today: within the rules' window, oldest first. */
	List<Grade.Event> eventsOf(String uscc) {
		return jdbc.sql("""
				SELECT kind, occurred_on, note FROM supervision_credit_event
				WHERE uscc = ? AND occurred_on > ? ORDER BY occurred_on, recorded_at""")
			.params(uscc, Date.valueOf(cutoff()))
			.query((rs, i) -> new Grade.Event(rs.getString(1), rs.getDate(2).toLocalDate(), rs.getString(3))).list();
	}

	private LocalDate cutoff() {
		return today().minusYears(rules.current().windowYears());
	}

	/** Grades one entity now; nothing when it is not in the register. */
	@Transactional
	public void regrade(String uscc) {
		jdbc.sql("SELECT sector FROM supervision_entity WHERE uscc = ?").param(uscc).query(String.class).optional()
			.ifPresent(sector -> write(List.of(uscc), List.of(Grade.of(Sector.valueOf(sector), eventsOf(uscc),
					rules.current(), today()))));
	}

	/** Regrades every entity (after a rule change); answers how many. */
	@Transactional
	public int regradeAll() {
		GradingRules.Rules current = rules.current();
		LocalDate today = today();
		Map<String, List<Grade.Event>> events = new HashMap<>();
		jdbc.sql("SELECT uscc, kind, occurred_on, note FROM supervision_credit_event WHERE occurred_on > ? "
				+ "ORDER BY occurred_on, recorded_at").param(Date.valueOf(cutoff()))
			.query(rs -> {
				events.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
					.add(new Grade.Event(rs.getString(2), rs.getDate(3).toLocalDate(), rs.getString(4)));
			});
		List<String> usccs = new ArrayList<>();
		List<Grade> grades = new ArrayList<>();
		int[] total = {0};
		jdbc.sql("SELECT uscc, sector FROM supervision_entity ORDER BY uscc").query(rs -> {
			usccs.add(rs.getString(1));
			grades.add(Grade.of(Sector.valueOf(rs.getString(2)), events.getOrDefault(rs.getString(1), List.of()), current,
					today));
		});
		for (int from = 0; from < usccs.size(); from += CHUNK) {
			int to = Math.min(usccs.size(), from + CHUNK);
			write(usccs.subList(from, to), grades.subList(from, to));
			total[0] += to - from;
		}
		audit.record("supervision.grading.all", "register", "supervision_entity", null, Map.of("entities", total[0]));
		return total[0];
	}

	private void write(List<String> usccs, List<Grade> grades) {
		String[] credit = new String[usccs.size()];
		String[] risk = new String[usccs.size()];
		String[] combined = new String[usccs.size()];
		String[] reasons = new String[usccs.size()];
		for (int i = 0; i < usccs.size(); i++) {
			Grade g = grades.get(i);
			credit[i] = String.valueOf(g.credit());
			risk[i] = String.valueOf(g.risk());
			combined[i] = String.valueOf(g.combined());
			reasons[i] = json.writeValueAsString(g.reasons());
		}
		jdbc.sql("""
				UPDATE supervision_entity e SET credit_grade = u.credit, risk_grade = u.risk, class = u.combined,
				  reasons = u.reasons::jsonb, graded_at = ?
				FROM unnest(CAST(? AS text[]), CAST(? AS text[]), CAST(? AS text[]), CAST(? AS text[]), CAST(? AS text[]))
				  AS u(uscc, credit, risk, combined, reasons)
				WHERE e.uscc = u.uscc""")
			.params(Timestamp.from(clock.instant()), usccs.toArray(String[]::new), credit, risk, combined, reasons)
			.update();
	}
}
