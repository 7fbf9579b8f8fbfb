package org.tongban.cases;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.tongban.shared.IdDocumentType;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Cases in PostgreSQL: the case row, its timeline, its materials, and the idempotency keys. */
@Repository
class Cases {

	private static final TypeReference<LinkedHashMap<String, String>> FORM = new TypeReference<>() {
	};

	private static final TypeReference<Map<String, List<String>>> ITEMS = new TypeReference<>() {
	};

	private final JdbcClient jdbc;
	private final JdbcTemplate batch;
	private final JsonMapper json;
	private final CaseNumbers numbers;

	Cases(JdbcClient jdbc, JdbcTemplate batch, JsonMapper json, CaseNumbers numbers) {
		this.numbers = numbers;
		this.jdbc = jdbc;
		this.batch = batch;
		this.json = json;
	}

	/** Reads a case and locks its row until the transaction ends, so transitions on one case queue up. */
	Optional<Case> lock(CaseId id) {
		return find(id, " FOR UPDATE");
	}

	Optional<Case> find(CaseId id) {
		return find(id, "");
	}

	/** A case within the user's duty ({@link CaseDuty}), locked when asked; empty when it is outside it. */
	Optional<Case> find(CaseId id, CaseDuty.Condition duty, boolean lock) {
		return jdbc.sql("SELECT * FROM cases_case WHERE id = ? AND " + duty.sql() + (lock ? " FOR UPDATE" : ""))
				.params(withIdFirst(id, duty))
				.query((rs, i) -> row(rs)).optional();
	}

	private static Object[] withIdFirst(CaseId id, CaseDuty.Condition duty) {
		List<Object> all = new java.util.ArrayList<>();
		all.add(id.value());
		all.addAll(duty.params());
		return all.toArray();
	}

	private Optional<Case> find(CaseId id, String lock) {
		return jdbc.sql("SELECT * FROM cases_case WHERE id = ?" + lock).param(id.value())
				.query((rs, i) -> row(rs)).optional();
	}

	List<CaseSummary> mine(String owner) {
		return jdbc.sql("""
				SELECT id, item_code, item_name, situation_code, situation_name, status, created_at, submitted_at,
				  case_number FROM cases_case WHERE owner = ? ORDER BY created_at DESC LIMIT 200""").param(owner)
				.query((rs, i) -> {
					CaseStatus status = CaseStatus.valueOf(rs.getString("status"));
					return new CaseSummary(rs.getObject("id", UUID.class), rs.getString("item_code"),
							rs.getString("item_name"), rs.getString("situation_code"), rs.getString("situation_name"),
							status, status.label(), instant(rs, "created_at"), instant(rs, "submitted_at"),
							rs.getString("case_number"));
				}).list();
	}

	/** Writes the case row and whatever timeline entries and materials are not stored yet. */
	void save(Case c) {
		Applicant a = c.applicant();
		Case.Handling h = c.handling;
		jdbc.sql("""
				INSERT INTO cases_case (id, item_code, item_name, situation_code, situation_name, guide_version,
				  applicant_kind, applicant_id_number, applicant_uscc, applicant_name, agent_name, owner, channel,
				  form, status, created_at, submitted_at,
				  process_key, process_instance_id, division, step, step_role, assignee, reviewer, four_eyes,
				  notice_commitment, promised_days, statutory_days, received_on, acceptance_due, accepted_on,
				  promised_deadline, statutory_deadline, limits_provisional, suspended_days, extended,
				  corrections, warning_level, decision, decision_reasons, decided_at, completed_at, verification_due,
				  opened_by, due_on, count_from, extension_days, onsite_stops_promised, commitment_text, commitment_sm3,
				  verification_days, revocation_noticed_on, statement_due, statement, statement_at, applicant_id_type)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?,
				  ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,
				  ?, ?, ?, ?, ?, ?, ?, ?)
				ON CONFLICT (id) DO UPDATE SET form = excluded.form, status = excluded.status,
				  submitted_at = excluded.submitted_at, process_instance_id = excluded.process_instance_id,
				  step = excluded.step, step_role = excluded.step_role, assignee = excluded.assignee,
				  reviewer = excluded.reviewer, received_on = excluded.received_on,
				  acceptance_due = excluded.acceptance_due, accepted_on = excluded.accepted_on,
				  promised_deadline = excluded.promised_deadline, statutory_deadline = excluded.statutory_deadline,
				  limits_provisional = excluded.limits_provisional,
				  suspended_days = excluded.suspended_days, extended = excluded.extended,
				  corrections = excluded.corrections, warning_level = excluded.warning_level,
				  decision = excluded.decision, decision_reasons = excluded.decision_reasons,
				  decided_at = excluded.decided_at, completed_at = excluded.completed_at,
				  verification_due = excluded.verification_due, due_on = excluded.due_on,
				  revocation_noticed_on = excluded.revocation_noticed_on, statement_due = excluded.statement_due,
				  statement = excluded.statement, statement_at = excluded.statement_at,
				  row_version = cases_case.row_version + 1""")
				.params(c.id().value(), c.itemCode(), c.itemName(), c.situation(), c.situationName(),
						c.guideVersion(), a.kind().name(), a.idNumber(), a.uscc(), a.name(), a.agentName(), a.owner(),
						c.channel().name(), json.writeValueAsString(c.form()), c.status().name(),
						ts(c.createdAt()), ts(c.submittedAt()),
						h.processKey, h.processInstanceId, h.division, h.step == null ? null : h.step.key(), h.stepRole, h.assignee, h.reviewer,
						h.fourEyes, h.noticeCommitment, h.promisedDays, h.statutoryDays, h.receivedOn, h.acceptanceDue,
						h.acceptedOn, h.promisedDeadline, h.statutoryDeadline, h.limitsProvisional,
						h.suspendedDays, h.extended, h.corrections, h.warningLevel == null ? null : h.warningLevel.name(),
						h.decision == null ? null : h.decision.name(), h.decisionReasons, ts(h.decidedAt), ts(h.completedAt), h.verificationDue, h.openedBy,
						c.deadline(), h.countFrom.name(), h.extensionDays, h.onsiteStopsPromised, h.commitmentText,
						h.commitmentSm3, h.verificationDays, h.revocationNoticedOn, h.statementDue, h.statement,
						ts(h.statementAt), a.idType() == null ? null : a.idType().name())
				.update();
		// a case submitted just now gets its 办件编号 and 查询码 (written by CaseNumbers, never by the upsert)
		numbers.assign(c);
		if (h.suspensionsChanged) {
			jdbc.sql("DELETE FROM cases_suspension WHERE case_id = ?").param(c.id().value()).update();
			for (Suspension s : h.suspensions) {
				jdbc.sql("""
						INSERT INTO cases_suspension (case_id, kind, reason, started_on, ended_on, working_days, expected_days)
						VALUES (?, ?, ?, ?, ?, ?, ?)""")
						.params(c.id().value(), s.kind().name(), s.reason(), s.startedOn(), s.endedOn(), s.workingDays(),
								s.expectedDays())
						.update();
			}
			h.suspensionsChanged = false;
		}
		// the timeline is append-only: the entries added since the case was read go in one batch (one round trip)
		List<TimelineEntry> timeline = c.timeline();
		List<Object[]> fresh = timeline.subList(c.storedTimeline, timeline.size()).stream()
				.map(e -> new Object[] { c.id().value(), e.status().name(), e.actor(), ts(e.at()), e.reason(), e.action(),
						e.items().isEmpty() ? null : json.writeValueAsString(Map.of("items", e.items())) })
				.toList();
		if (!fresh.isEmpty()) {
			batch.batchUpdate("""
					INSERT INTO cases_event (case_id, status, actor, at, reason, action, details)
					VALUES (?, ?, ?, ?, ?, ?, ?::jsonb)""", fresh);
		}
		c.storedTimeline = timeline.size();
		List<CaseMaterial> materials = c.materials();
		for (CaseMaterial m : materials.subList(c.storedMaterials, materials.size())) {
			jdbc.sql("""
					INSERT INTO cases_material (id, case_id, material, filename, media_type, sha256, size, uploaded_at)
					VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING""")
					.params(m.id(), c.id().value(), m.material(), m.filename(), m.mediaType(), m.sha256(), m.size(),
							ts(m.uploadedAt()))
					.update();
		}
		c.storedMaterials = materials.size();
		List<PaperMaterial> paper = c.paperMaterials();
		for (PaperMaterial p : paper.subList(c.storedPaperMaterials, paper.size())) {
			jdbc.sql("""
					INSERT INTO cases_paper_material (case_id, material, received_by, received_at) VALUES (?, ?, ?, ?)
					ON CONFLICT DO NOTHING""")
					.params(c.id().value(), p.material(), p.receivedBy(), ts(p.receivedAt())).update();
		}
		c.storedPaperMaterials = paper.size();
	}

	/**
	 * Deletes a draft with everything stored with it (a draft has no number, process or decision; other modules
	 * hold nothing of it). The uploaded bytes stay in the content-addressed file store, which other cases may share.
	 */
	void deleteDraft(CaseId id) {
		for (String table : List.of("cases_paper_material", "cases_correction_item", "cases_material", "cases_event",
				"cases_suspension", "cases_idempotency")) {
			jdbc.sql("DELETE FROM " + table + " WHERE case_id = ?").param(id.value()).update();
		}
		int deleted = jdbc.sql("DELETE FROM cases_case WHERE id = ? AND status = 'DRAFT'").param(id.value()).update();
		if (deleted != 1) {
			throw new IllegalStateException("not a draft: " + id.value());
		}
	}

	/**
	 * Claims an idempotency key for a case. Returns empty when this call claimed it; otherwise the earlier
	 * claim. A concurrent claim of the same key waits on the primary key until the first commits.
	 */
	Optional<IdempotencyClaim> claim(String owner, String key, String requestHash, CaseId caseId, Instant now) {
		int inserted = jdbc.sql("""
				INSERT INTO cases_idempotency (owner, key, request_hash, case_id, created_at) VALUES (?, ?, ?, ?, ?)
				ON CONFLICT (owner, key) DO NOTHING""")
				.params(owner, key, requestHash, caseId.value(), ts(now)).update();
		if (inserted == 1) {
			return Optional.empty();
		}
		return Optional.of(jdbc.sql("SELECT request_hash, case_id FROM cases_idempotency WHERE owner = ? AND key = ?")
				.params(owner, key)
				.query((rs, i) -> new IdempotencyClaim(rs.getString("request_hash"),
						new CaseId(rs.getObject("case_id", UUID.class))))
				.single());
	}

	record IdempotencyClaim(String requestHash, CaseId caseId) {
	}

	private Case row(ResultSet rs) throws SQLException {
		UUID id = rs.getObject("id", UUID.class);
		Applicant applicant = new Applicant(Applicant.Kind.valueOf(rs.getString("applicant_kind")),
				rs.getString("applicant_id_number"), rs.getString("applicant_uscc"), rs.getString("applicant_name"),
				rs.getString("agent_name"), rs.getString("owner"),
				rs.getString("applicant_id_type") == null ? null : IdDocumentType.valueOf(rs.getString("applicant_id_type")));
		Map<String, String> form = json.readValue(rs.getString("form"), FORM);
		List<TimelineEntry> timeline = jdbc.sql("SELECT * FROM cases_event WHERE case_id = ? ORDER BY id").param(id)
				.query((r, i) -> new TimelineEntry(CaseStatus.valueOf(r.getString("status")), r.getString("actor"),
						instant(r, "at"), r.getString("reason"), r.getString("action"), items(r.getString("details"))))
				.list();
		List<CaseMaterial> materials = jdbc.sql("SELECT * FROM cases_material WHERE case_id = ? ORDER BY uploaded_at, id")
				.param(id)
				.query((r, i) -> new CaseMaterial(r.getObject("id", UUID.class), r.getString("material"),
						r.getString("filename"), r.getString("media_type"), r.getString("sha256"), r.getLong("size"),
						instant(r, "uploaded_at")))
				.list();
		Case c = new Case(new CaseId(id), rs.getString("item_code"), rs.getString("item_name"),
				rs.getString("situation_code"), rs.getString("situation_name"), rs.getInt("guide_version"), applicant,
				Channel.valueOf(rs.getString("channel")), form, CaseStatus.valueOf(rs.getString("status")),
				instant(rs, "created_at"), instant(rs, "submitted_at"), timeline, materials, handling(rs, suspensions(id)));
		c.numbered(rs.getString("case_number"), rs.getString("query_code"));
		if (c.channel() == Channel.WINDOW) {
			c.paperMaterialsStored(jdbc.sql("""
					SELECT material, received_by, received_at FROM cases_paper_material WHERE case_id = ? ORDER BY received_at, material""")
					.param(id).query((r, i) -> new PaperMaterial(r.getString("material"), r.getString("received_by"),
							instant(r, "received_at"))).list());
		}
		return c;
	}

	private List<Suspension> suspensions(UUID caseId) {
		return jdbc.sql("SELECT * FROM cases_suspension WHERE case_id = ? ORDER BY id").param(caseId)
				.query((r, i) -> new Suspension(Suspension.Kind.valueOf(r.getString("kind")), r.getString("reason"),
						r.getObject("started_on", LocalDate.class), r.getObject("ended_on", LocalDate.class),
						(Integer) r.getObject("working_days"), (Integer) r.getObject("expected_days")))
				.list();
	}

	private static Case.Handling handling(ResultSet rs, List<Suspension> suspensions) throws SQLException {
		Case.Handling h = new Case.Handling();
		h.suspensions.addAll(suspensions);
		h.processKey = rs.getString("process_key");
		h.processInstanceId = rs.getString("process_instance_id");
		h.division = rs.getString("division");
		String step = rs.getString("step");
		h.step = step == null ? null : Step.of(step);
		h.stepRole = rs.getString("step_role");
		h.assignee = rs.getString("assignee");
		h.reviewer = rs.getString("reviewer");
		h.fourEyes = rs.getBoolean("four_eyes");
		h.noticeCommitment = rs.getBoolean("notice_commitment");
		h.promisedDays = (Integer) rs.getObject("promised_days");
		h.statutoryDays = (Integer) rs.getObject("statutory_days");
		h.receivedOn = rs.getObject("received_on", LocalDate.class);
		h.acceptanceDue = rs.getObject("acceptance_due", LocalDate.class);
		h.acceptedOn = rs.getObject("accepted_on", LocalDate.class);
		h.promisedDeadline = rs.getObject("promised_deadline", LocalDate.class);
		h.statutoryDeadline = rs.getObject("statutory_deadline", LocalDate.class);
		h.limitsProvisional = rs.getBoolean("limits_provisional");
		h.suspendedDays = rs.getInt("suspended_days");
		h.extended = rs.getBoolean("extended");
		h.corrections = rs.getInt("corrections");
		String level = rs.getString("warning_level");
		h.warningLevel = level == null ? null : WarningLevel.valueOf(level);
		h.countFrom = Case.CountFrom.valueOf(rs.getString("count_from"));
		h.extensionDays = rs.getInt("extension_days");
		h.onsiteStopsPromised = rs.getBoolean("onsite_stops_promised");
		h.commitmentText = rs.getString("commitment_text");
		h.commitmentSm3 = rs.getString("commitment_sm3");
		h.verificationDays = (Integer) rs.getObject("verification_days");
		h.revocationNoticedOn = rs.getObject("revocation_noticed_on", LocalDate.class);
		h.statementDue = rs.getObject("statement_due", LocalDate.class);
		h.statement = rs.getString("statement");
		h.statementAt = instant(rs, "statement_at");
		String decision = rs.getString("decision");
		h.decision = decision == null ? null : Decision.valueOf(decision);
		h.decisionReasons = rs.getString("decision_reasons");
		h.decidedAt = instant(rs, "decided_at");
		h.completedAt = instant(rs, "completed_at");
		h.verificationDue = rs.getObject("verification_due", LocalDate.class);
		h.openedBy = rs.getString("opened_by");
		return h;
	}

	private List<String> items(String details) {
		if (details == null) {
			return List.of();
		}
		Map<String, List<String>> parsed = json.readValue(details, ITEMS);
		return parsed.getOrDefault("items", List.of());
	}

	private static Timestamp ts(Instant at) {
		return at == null ? null : Timestamp.from(at);
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp t = rs.getTimestamp(column);
		return t == null ? null : t.toInstant();
	}
}
