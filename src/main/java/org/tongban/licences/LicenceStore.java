package org.tongban.licences;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** The licences tables; nothing outside this module reads them. */
@Repository
class LicenceStore {

	private static final String COLUMNS = """
			number, name, item_code, item_name, holder_kind, holder_name, holder_id_type, holder_id, owner, scope,
			valid_from, valid_until, authority, issued_on, case_id, status, check_code, signature, signed_data,
			particulars""";

	private static final tools.jackson.core.type.TypeReference<List<Particular>> PARTICULARS = new tools.jackson.core.type.TypeReference<>() {
	};
	private static final tools.jackson.core.type.TypeReference<List<LicenceHistoryEntry.Change>> CHANGES = new tools.jackson.core.type.TypeReference<>() {
	};

	private final JdbcClient jdbc;
	private final JsonMapper json;

	LicenceStore(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	/** Next value of a number counter, atomically: concurrent issues never get the same value. */
	long nextSequence(String pattern, int year) {
		return jdbc.sql("""
				INSERT INTO licences_counter (pattern, year, last_value) VALUES (?, ?, 1)
				ON CONFLICT (pattern, year) DO UPDATE SET last_value = licences_counter.last_value + 1
				RETURNING last_value""").params(pattern, year).query(Long.class).single();
	}

	/** Claims a case for this module; false when it was already acted on (a republished event). */
	boolean claimCase(UUID caseId, String action, Instant at) {
		return jdbc.sql("INSERT INTO licences_case_done (case_id, action, at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")
			.params(caseId, action, ts(at)).update() == 1;
	}

	java.util.Optional<String> licenceOfCase(UUID caseId) {
		return jdbc.sql("SELECT number FROM licences_case_done WHERE case_id = ? AND number IS NOT NULL").param(caseId)
			.query(String.class).optional();
	}

	void caseDone(UUID caseId, String number) {
		jdbc.sql("UPDATE licences_case_done SET number = ? WHERE case_id = ?").params(number, caseId).update();
	}

	void insert(Licence l, Instant at) {
		jdbc.sql("INSERT INTO licences_licence (" + COLUMNS + ", updated_at) VALUES (" + "?, ".repeat(19)
				+ "CAST(? AS JSONB), ?)")
			.params(l.number(), l.name(), l.itemCode(), l.itemName(), l.holderKind().name(), l.holderName(),
					l.holderIdType(), l.holderId(), l.owner(), l.scope(), date(l.validFrom()), date(l.validUntil()),
					l.authority(), date(l.issuedOn()), l.caseId(), l.storedStatus().name(), l.checkCode(),
					l.signature(), l.signedData(), json.writeValueAsString(l.particulars()), ts(at))
			.update();
	}

	void update(Licence l, Instant at) {
		jdbc.sql("""
				UPDATE licences_licence SET holder_name = ?, scope = ?, valid_until = ?, status = ?, check_code = ?,
				signature = ?, signed_data = ?, particulars = CAST(? AS JSONB), updated_at = ? WHERE number = ?""")
			.params(l.holderName(), l.scope(), date(l.validUntil()), l.storedStatus().name(), l.checkCode(),
					l.signature(), l.signedData(), json.writeValueAsString(l.particulars()), ts(at), l.number())
			.update();
	}

	void history(String number, String action, String actor, String reason, UUID caseId, Instant at) {
		history(number, action, actor, reason, caseId, at, List.of());
	}

	void history(String number, String action, String actor, String reason, UUID caseId, Instant at,
			List<LicenceHistoryEntry.Change> changes) {
		jdbc.sql("""
				INSERT INTO licences_history (number, action, actor, reason, case_id, at, changes)
				VALUES (?, ?, ?, ?, ?, ?, CAST(? AS JSONB))""")
			.params(number, action, actor, reason, caseId, ts(at),
					changes.isEmpty() ? null : json.writeValueAsString(changes))
			.update();
	}

	List<LicenceHistoryEntry> historyOf(String number) {
		return jdbc.sql("SELECT action, actor, reason, case_id, at, changes FROM licences_history WHERE number = ? ORDER BY id")
			.param(number)
			.query((rs, i) -> new LicenceHistoryEntry(rs.getString(1), rs.getString(2), rs.getString(3),
					rs.getObject(4, UUID.class), rs.getObject(5, OffsetDateTime.class).toInstant(),
					rs.getString(6) == null ? List.of() : json.readValue(rs.getString(6), CHANGES)))
			.list();
	}

	Optional<Licence> find(String number) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM licences_licence WHERE number = ?").param(number)
			.query(this::map).optional();
	}

	/** Locks the row for a state change. */
	Optional<Licence> lock(String number) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM licences_licence WHERE number = ? FOR UPDATE").param(number)
			.query(this::map).optional();
	}

	Optional<Licence> byCase(UUID caseId) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM licences_licence WHERE case_id = ?").param(caseId)
			.query(this::map).optional();
	}

	/** The licences of a holder (by ID number or USCC) for an item, newest first. */
	List<Licence> heldBy(String holderId, String itemCode) {
		return jdbc.sql("SELECT " + COLUMNS
				+ " FROM licences_licence WHERE holder_id = ? AND item_code = ? ORDER BY issued_on DESC, number")
			.params(holderId, itemCode).query(this::map).list();
	}

	/** Every licence an enterprise holds by its USCC, of any item, newest first. */
	List<Licence> heldBy(String holderId) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM licences_licence WHERE holder_kind = 'ENTERPRISE' AND holder_id = ? "
				+ "ORDER BY issued_on DESC, number").param(holderId).query(this::map).list();
	}

	List<Licence> ownedBy(String owner) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM licences_licence WHERE owner = ? ORDER BY issued_on DESC, number")
			.param(owner).query(this::map).list();
	}

	/**
	 * The register: number, holder name, item code or name containing {@code q}, of the items {@code itemCodes}
	 * (all when null); newest first.
	 */
	List<Licence> search(String q, List<String> itemCodes, int offset, int limit) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM licences_licence WHERE " + FILTER + items(itemCodes)
				+ " ORDER BY issued_on DESC, number LIMIT ? OFFSET ?")
			.params(params(q, itemCodes, limit, offset))
			.query(this::map).list();
	}

	long count(String q, List<String> itemCodes) {
		return jdbc.sql("SELECT count(*) FROM licences_licence WHERE " + FILTER + items(itemCodes))
			.params(params(q, itemCodes)).query(Long.class).single();
	}

	private static String items(List<String> itemCodes) {
		return itemCodes == null ? "" : " AND item_code = ANY(?)";
	}

	private static Object[] params(String q, List<String> itemCodes, Object... more) {
		List<Object> all = new java.util.ArrayList<>();
		for (int i = 0; i < 5; i++) {
			all.add(like(q));
		}
		if (itemCodes != null) {
			all.add(itemCodes.toArray(String[]::new));
		}
		all.addAll(List.of(more));
		return all.toArray();
	}

	private static final String FILTER = """
			(CAST(? AS TEXT) IS NULL OR number ILIKE ? ESCAPE '\\' OR holder_name ILIKE ? ESCAPE '\\'
			 OR item_code ILIKE ? ESCAPE '\\' OR item_name ILIKE ? ESCAPE '\\')""";

	private static String like(String q) {
		if (q == null || q.isBlank()) {
			return null;
		}
		return "%" + q.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
	}

	/** Valid licences whose last valid day is between {@code from} and {@code to}, both included. */
	List<Licence> validUntilBetween(LocalDate from, LocalDate to) {
		return jdbc.sql("SELECT " + COLUMNS
				+ " FROM licences_licence WHERE status = 'VALID' AND valid_until BETWEEN ? AND ? ORDER BY number")
			.params(date(from), date(to)).query(this::map).list();
	}

	private Licence map(ResultSet rs, int i) throws SQLException {
		Date until = rs.getDate("valid_until");
		return new Licence(rs.getString("number"), rs.getString("name"), rs.getString("item_code"),
				rs.getString("item_name"), Licence.HolderKind.valueOf(rs.getString("holder_kind")),
				rs.getString("holder_name"), rs.getString("holder_id_type"), rs.getString("holder_id"),
				rs.getString("owner"), rs.getString("scope"), rs.getDate("valid_from").toLocalDate(),
				until == null ? null : until.toLocalDate(), rs.getString("authority"),
				rs.getDate("issued_on").toLocalDate(), rs.getObject("case_id", UUID.class),
				LicenceStatus.valueOf(rs.getString("status")), rs.getString("check_code"), rs.getString("signature"),
				rs.getString("signed_data"), json.readValue(rs.getString("particulars"), PARTICULARS));
	}

	private static Date date(LocalDate d) {
		return d == null ? null : Date.valueOf(d);
	}

	private static OffsetDateTime ts(Instant at) {
		return at.atOffset(ZoneOffset.UTC);
	}

	/** A part of an integrated licence as stored: item, case, and the part's own licence number when it has one. */
	record PartRow(String itemCode, String itemName, UUID caseId, String caseNumber, String partNumber) {
	}

	/** Marks a licence as integrated and lists its parts in order, replacing an earlier list. */
	void replaceParts(String number, List<PartRow> parts) {
		jdbc.sql("UPDATE licences_licence SET integrated = TRUE WHERE number = ?").param(number).update();
		jdbc.sql("DELETE FROM licences_part WHERE number = ?").param(number).update();
		for (int i = 0; i < parts.size(); i++) {
			PartRow p = parts.get(i);
			jdbc.sql("""
					INSERT INTO licences_part (number, position, item_code, item_name, case_id, case_number, part_number)
					VALUES (?, ?, ?, ?, ?, ?, ?)""")
				.params(number, i, p.itemCode(), p.itemName(), p.caseId(), p.caseNumber(), p.partNumber()).update();
		}
	}

	List<PartRow> parts(String number) {
		return jdbc.sql("""
				SELECT item_code, item_name, case_id, case_number, part_number FROM licences_part WHERE number = ?
				ORDER BY position""").param(number)
			.query((rs, i) -> new PartRow(rs.getString(1), rs.getString(2), rs.getObject(3, UUID.class), rs.getString(4),
					rs.getString(5)))
			.list();
	}
}
