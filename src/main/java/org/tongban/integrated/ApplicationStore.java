package org.tongban.integrated;

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
import org.tongban.integrated.IntegratedApplication.SubCase;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Integrated applications and their sub-cases in PostgreSQL (integrated_application, integrated_sub_case). */
@Repository
class ApplicationStore {

	private static final TypeReference<LinkedHashMap<String, Object>> OBJECT = new TypeReference<>() {
	};

	private static final TypeReference<LinkedHashMap<String, String>> STRINGS = new TypeReference<>() {
	};

	private final JdbcClient jdbc;
	private final JsonMapper json;

	ApplicationStore(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	/** An earlier application of the same owner under the same key: its id and request hash. */
	record Earlier(UUID id, String requestHash) {
	}

	Optional<Earlier> byKey(String owner, String key) {
		return jdbc.sql("SELECT id, request_hash FROM integrated_application WHERE owner = ? AND idempotency_key = ?")
			.params(owner, key).query((rs, i) -> new Earlier(rs.getObject(1, UUID.class), rs.getString(2))).optional();
	}

	/**
	 * Inserts the application under its owner's key unless the key is taken; false when it is. A concurrent request
	 * with the same key waits here for the first to commit and then sees its row.
	 */
	boolean claim(IntegratedApplication a, String key, String hash) {
		return jdbc.sql("""
				INSERT INTO integrated_application (id, package_code, package_version, kind, owner, applicant, answers, form,
				  phone, status, licence_number, idempotency_key, request_hash, submitted_at)
				VALUES (?, ?, ?, ?, ?, CAST(? AS JSONB), CAST(? AS JSONB), CAST(? AS JSONB), ?, ?, ?, ?, ?, ?)
				ON CONFLICT (owner, idempotency_key) DO NOTHING""")
			.params(a.id(), a.packageCode(), a.packageVersion(), a.kind().name(), a.owner(),
					json.writeValueAsString(a.applicant()), json.writeValueAsString(a.answers()),
					json.writeValueAsString(a.form()), a.phone(), a.status().name(), a.licenceNumber(), key, hash,
					Timestamp.from(a.submittedAt()))
			.update() == 1;
	}

	void addSubCase(UUID applicationId, SubCase s) {
		jdbc.sql("""
				INSERT INTO integrated_sub_case (application_id, position, item_code, item_name, situation, situation_name,
				  case_id, case_number) VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(applicationId, s.position(), s.itemCode(), s.itemName(), s.situation(), s.situationName(), s.caseId(),
					s.caseNumber())
			.update();
	}

	Optional<IntegratedApplication> find(UUID id) {
		return find("id = ?", id, "");
	}

	/** The application a case is a sub-case of, its row locked until the transaction ends (events queue up). */
	Optional<IntegratedApplication> lockBySubCase(UUID caseId) {
		return find("id = (SELECT application_id FROM integrated_sub_case WHERE case_id = ?)", caseId, " FOR UPDATE");
	}

	List<IntegratedApplication> ownedBy(String owner) {
		return jdbc.sql("SELECT * FROM integrated_application WHERE owner = ? ORDER BY submitted_at DESC LIMIT 200")
			.param(owner).query((rs, i) -> row(rs)).list();
	}

	/** The applications acting on an integrated licence, oldest first (the first is the one that issued it). */
	List<IntegratedApplication> forLicence(String number) {
		return jdbc.sql("SELECT * FROM integrated_application WHERE licence_number = ? ORDER BY submitted_at")
			.param(number).query((rs, i) -> row(rs)).list();
	}

	void decided(UUID caseId, boolean granted, String reasons, Instant at) {
		jdbc.sql("UPDATE integrated_sub_case SET granted = ?, reasons = ?, decided_at = ? WHERE case_id = ? AND granted IS NULL")
			.params(granted, reasons, Timestamp.from(at), caseId).update();
	}

	void licenceApplied(UUID caseId) {
		jdbc.sql("UPDATE integrated_sub_case SET licence_applied = TRUE WHERE case_id = ?").param(caseId).update();
	}

	void status(UUID id, IntegratedApplication.Status status, String licenceNumber, Instant doneAt) {
		jdbc.sql("UPDATE integrated_application SET status = ?, licence_number = COALESCE(?, licence_number), done_at = ? WHERE id = ?")
			.params(status.name(), licenceNumber, doneAt == null ? null : Timestamp.from(doneAt), id).update();
	}

	private Optional<IntegratedApplication> find(String where, UUID param, String lock) {
		return jdbc.sql("SELECT * FROM integrated_application WHERE " + where + lock).param(param)
			.query((rs, i) -> row(rs)).optional();
	}

	private IntegratedApplication row(ResultSet rs) throws SQLException {
		UUID id = rs.getObject("id", UUID.class);
		Timestamp done = rs.getTimestamp("done_at");
		Map<String, String> applicant = json.readValue(rs.getString("applicant"), STRINGS);
		return new IntegratedApplication(id, rs.getString("package_code"), rs.getInt("package_version"),
				IntegratedApplication.Kind.valueOf(rs.getString("kind")), rs.getString("owner"), applicant,
				json.readValue(rs.getString("answers"), OBJECT), json.readValue(rs.getString("form"), OBJECT),
				rs.getString("phone"), IntegratedApplication.Status.valueOf(rs.getString("status")),
				rs.getString("licence_number"), rs.getTimestamp("submitted_at").toInstant(),
				done == null ? null : done.toInstant(), subCases(id));
	}

	private List<SubCase> subCases(UUID id) {
		return jdbc.sql("SELECT * FROM integrated_sub_case WHERE application_id = ? ORDER BY position").param(id)
			.query((rs, i) -> {
				Timestamp decided = rs.getTimestamp("decided_at");
				return new SubCase(rs.getInt("position"), rs.getString("item_code"), rs.getString("item_name"),
						rs.getString("situation"), rs.getString("situation_name"), rs.getObject("case_id", UUID.class),
						rs.getString("case_number"), (Boolean) rs.getObject("granted"), rs.getString("reasons"),
						decided == null ? null : decided.toInstant(), rs.getBoolean("licence_applied"));
			})
			.list();
	}
}
