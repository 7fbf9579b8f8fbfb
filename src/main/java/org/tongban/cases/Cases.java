package org.tongban.cases;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Cases in PostgreSQL: the case row, its timeline, its materials, and the idempotency keys. */
@Repository
class Cases {

	private static final TypeReference<LinkedHashMap<String, String>> FORM = new TypeReference<>() {
	};

	private final JdbcClient jdbc;
	private final JsonMapper json;

	Cases(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	/** Reads a case and locks its row until the transaction ends, so transitions on one case queue up. */
	Optional<Case> lock(CaseId id) {
		return find(id, " FOR UPDATE");
	}

	Optional<Case> find(CaseId id) {
		return find(id, "");
	}

	private Optional<Case> find(CaseId id, String lock) {
		return jdbc.sql("SELECT * FROM cases_case WHERE id = ?" + lock).param(id.value())
				.query((rs, i) -> row(rs)).optional();
	}

	List<CaseSummary> mine(String owner) {
		return jdbc.sql("""
				SELECT id, item_code, item_name, situation_code, situation_name, status, created_at, submitted_at
				FROM cases_case WHERE owner = ? ORDER BY created_at DESC LIMIT 200""").param(owner)
				.query((rs, i) -> {
					CaseStatus status = CaseStatus.valueOf(rs.getString("status"));
					return new CaseSummary(rs.getObject("id", UUID.class), rs.getString("item_code"),
							rs.getString("item_name"), rs.getString("situation_code"), rs.getString("situation_name"),
							status, status.label(), instant(rs, "created_at"), instant(rs, "submitted_at"));
				}).list();
	}

	/** Writes the case row and whatever timeline entries and materials are not stored yet. */
	void save(Case c) {
		Applicant a = c.applicant();
		jdbc.sql("""
				INSERT INTO cases_case (id, item_code, item_name, situation_code, situation_name, guide_version,
				  applicant_kind, applicant_id_number, applicant_uscc, applicant_name, agent_name, owner, channel,
				  form, status, created_at, submitted_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?)
				ON CONFLICT (id) DO UPDATE SET form = excluded.form, status = excluded.status,
				  submitted_at = excluded.submitted_at, row_version = cases_case.row_version + 1""")
				.params(c.id().value(), c.itemCode(), c.itemName(), c.situation(), c.situationName(),
						c.guideVersion(), a.kind().name(), a.idNumber(), a.uscc(), a.name(), a.agentName(), a.owner(),
						c.channel().name(), json.writeValueAsString(c.form()), c.status().name(),
						ts(c.createdAt()), ts(c.submittedAt()))
				.update();
		int stored = jdbc.sql("SELECT count(*) FROM cases_event WHERE case_id = ?").param(c.id().value())
				.query(Integer.class).single();
		List<TimelineEntry> timeline = c.timeline();
		for (TimelineEntry e : timeline.subList(stored, timeline.size())) {
			jdbc.sql("INSERT INTO cases_event (case_id, status, actor, at, reason) VALUES (?, ?, ?, ?, ?)")
					.params(c.id().value(), e.status().name(), e.actor(), ts(e.at()), e.reason()).update();
		}
		for (CaseMaterial m : c.materials()) {
			jdbc.sql("""
					INSERT INTO cases_material (id, case_id, material, filename, media_type, sha256, size, uploaded_at)
					VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING""")
					.params(m.id(), c.id().value(), m.material(), m.filename(), m.mediaType(), m.sha256(), m.size(),
							ts(m.uploadedAt()))
					.update();
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
				rs.getString("agent_name"), rs.getString("owner"));
		Map<String, String> form = json.readValue(rs.getString("form"), FORM);
		List<TimelineEntry> timeline = jdbc.sql("SELECT * FROM cases_event WHERE case_id = ? ORDER BY id").param(id)
				.query((r, i) -> new TimelineEntry(CaseStatus.valueOf(r.getString("status")), r.getString("actor"),
						instant(r, "at"), r.getString("reason")))
				.list();
		List<CaseMaterial> materials = jdbc.sql("SELECT * FROM cases_material WHERE case_id = ? ORDER BY uploaded_at, id")
				.param(id)
				.query((r, i) -> new CaseMaterial(r.getObject("id", UUID.class), r.getString("material"),
						r.getString("filename"), r.getString("media_type"), r.getString("sha256"), r.getLong("size"),
						instant(r, "uploaded_at")))
				.list();
		return new Case(new CaseId(id), rs.getString("item_code"), rs.getString("item_name"),
				rs.getString("situation_code"), rs.getString("situation_name"), rs.getInt("guide_version"), applicant,
				Channel.valueOf(rs.getString("channel")), form, CaseStatus.valueOf(rs.getString("status")),
				instant(rs, "created_at"), instant(rs, "submitted_at"), timeline, materials);
	}

	private static Timestamp ts(Instant at) {
		return at == null ? null : Timestamp.from(at);
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp t = rs.getTimestamp(column);
		return t == null ? null : t.toInstant();
	}
}
