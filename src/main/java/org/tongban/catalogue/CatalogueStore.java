package org.tongban.catalogue;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.AbstractMap;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** The catalogue tables; every query is parameterised. */
@Repository
class CatalogueStore {

	/** An item row. */
	record Item(String code, String name, ItemType type, String division, String handlingUnit, int publishedVersion,
			boolean needsReview, String reviewReason) {
	}

	/** A guide row with its content read back from jsonb. */
	record Row(String code, int version, GuideStatus status, GuideContent content, String author, String reviewer,
			String rejectReason, Instant updatedAt, Instant submittedAt, Instant publishedAt) {
	}

	private final JdbcClient jdbc;
	private final JsonMapper json;

	CatalogueStore(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	/** Serialises first imports across instances starting together. */
	void lockForLoading() {
		jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('catalogue_loader'))").query().singleValue();
	}

	// ---- laws

	/** Inserts a law unless one with its id is there: a restart never overwrites a status set since. */
	boolean insertLawIfMissing(Law law) {
		return jdbc.sql("""
				INSERT INTO catalogue_law (id, name, issuer, status, effective, amended, repealed, note)
				VALUES (:id, :name, :issuer, :status, :effective, :amended, :repealed, :note) ON CONFLICT (id) DO NOTHING
				""").param("id", law.id()).param("name", law.name()).param("issuer", law.issuer())
				.param("status", law.status().name()).param("effective", law.effective())
				.param("amended", law.amended()).param("repealed", law.repealed()).param("note", law.note())
				.update() == 1;
	}

	List<Law> laws() {
		return jdbc.sql("SELECT * FROM catalogue_law ORDER BY id").query((rs, i) -> law(rs)).list();
	}

	/** The laws with these ids (a guide's citations), in no particular order. */
	List<Law> laws(Collection<String> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("SELECT * FROM catalogue_law WHERE id = ANY(:ids)").param("ids", ids.toArray(String[]::new))
				.query((rs, i) -> law(rs)).list();
	}

	Optional<Law> lawForUpdate(String id) {
		return jdbc.sql("SELECT * FROM catalogue_law WHERE id = :id FOR UPDATE").param("id", id)
				.query((rs, i) -> law(rs)).optional();
	}

	void updateLaw(String id, LawStatus status, LocalDate amended, LocalDate repealed, String note) {
		jdbc.sql("UPDATE catalogue_law SET status = :status, amended = :amended, repealed = :repealed, note = :note"
				+ " WHERE id = :id").param("id", id).param("status", status.name()).param("amended", amended)
				.param("repealed", repealed).param("note", note).update();
	}

	/** Flags every item whose live guide cites the law; returns the codes flagged. */
	List<String> flagItemsCiting(String lawId, String reason) {
		return jdbc.sql("""
				UPDATE catalogue_item i SET needs_review = TRUE, review_reason = :reason
				WHERE EXISTS (SELECT 1 FROM catalogue_guide_law gl
				              WHERE gl.item_code = i.code AND gl.version = i.published_version AND gl.law_id = :law)
				RETURNING i.code
				""").param("law", lawId).param("reason", reason).query(String.class).list();
	}

	// ---- items

	boolean itemExists(String code) {
		return jdbc.sql("SELECT count(*) FROM catalogue_item WHERE code = :code").param("code", code)
				.query(Long.class).single() > 0;
	}

	long itemCount() {
		return jdbc.sql("SELECT count(*) FROM catalogue_item").query(Long.class).single();
	}

	void insertItem(String code, String name, ItemType type, String division, String handlingUnit, int version) {
		jdbc.sql("INSERT INTO catalogue_item (code, name, type, division, handling_unit, published_version)"
				+ " VALUES (:code, :name, :type, :division, :unit, :version)").param("code", code)
				.param("name", name).param("type", type.name()).param("division", division)
				.param("unit", handlingUnit).param("version", version).update();
	}

	Optional<Item> item(String code) {
		return jdbc.sql("SELECT * FROM catalogue_item WHERE code = :code").param("code", code)
				.query((rs, i) -> item(rs)).optional();
	}

	/**
	 * An item with the laws its live version cites, as they stand now: what reading the live guide needs besides
	 * the guide's content, in one query.
	 */
	Optional<Map.Entry<Item, List<Law>>> itemWithLiveCitations(String code) {
		List<Map.Entry<Item, Law>> rows = jdbc.sql("""
				SELECT i.*, l.id AS law_id, l.name AS law_name, l.issuer AS law_issuer, l.status AS law_status,
				  l.effective AS law_effective, l.amended AS law_amended, l.repealed AS law_repealed, l.note AS law_note
				FROM catalogue_item i
				LEFT JOIN catalogue_guide_law gl ON gl.item_code = i.code AND gl.version = i.published_version
				LEFT JOIN catalogue_law l ON l.id = gl.law_id
				WHERE i.code = :code""").param("code", code)
				.query((rs, i) -> (Map.Entry<Item, Law>) new AbstractMap.SimpleEntry<>(item(rs),
						rs.getString("law_id") == null ? null : law(rs, "law_")))
				.list();
		if (rows.isEmpty()) {
			return Optional.empty();
		}
		return Optional.of(Map.entry(rows.get(0).getKey(),
				rows.stream().map(Map.Entry::getValue).filter(Objects::nonNull).toList()));
	}

	Optional<Item> itemForUpdate(String code) {
		return jdbc.sql("SELECT * FROM catalogue_item WHERE code = :code FOR UPDATE").param("code", code)
				.query((rs, i) -> item(rs)).optional();
	}

	/** The item now shows this version: its name follows, and a review flag is answered by publishing. */
	void markPublished(String code, int version, String name) {
		jdbc.sql("UPDATE catalogue_item SET published_version = :version, name = :name, needs_review = FALSE,"
				+ " review_reason = NULL WHERE code = :code").param("code", code).param("version", version)
				.param("name", name).update();
	}

	/** Items with their live guide's content, filtered; {@code query} matches name, code and keywords. */
	List<Map.Entry<Item, GuideContent>> list(ItemType type, String division, String query) {
		StringBuilder sql = new StringBuilder("SELECT i.*, g.content FROM catalogue_item i JOIN catalogue_guide g"
				+ " ON g.item_code = i.code AND g.version = i.published_version WHERE TRUE");
		Map<String, Object> params = new LinkedHashMap<>();
		if (type != null) {
			sql.append(" AND i.type = :type");
			params.put("type", type.name());
		}
		if (division != null && !division.isBlank()) {
			sql.append(" AND i.division = :division");
			params.put("division", division);
		}
		if (query != null && !query.isBlank()) {
			sql.append(" AND (i.name ILIKE :q OR i.code ILIKE :q OR CAST(g.content -> 'keywords' AS TEXT) ILIKE :q)");
			params.put("q", "%" + query.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
		}
		sql.append(" ORDER BY i.code");
		return jdbc.sql(sql.toString()).params(params)
				.query((rs, i) -> Map.entry(item(rs), content(rs.getString("content")))).list();
	}

	// ---- guides

	/** A new version; one inserted as PUBLISHED (the first import) is reviewed by {@code reviewer}. */
	void insertGuide(String code, int version, GuideStatus status, GuideContent content, String author,
			String reviewer) {
		jdbc.sql("INSERT INTO catalogue_guide (item_code, version, status, content, author, reviewer, published_at)"
				+ " VALUES (:code, :version, :status, CAST(:content AS jsonb), :author, :reviewer,"
				+ " CASE WHEN :status = 'PUBLISHED' THEN now() END)").param("code", code)
				.param("version", version).param("status", status.name()).param("content", json(content))
				.param("author", author).param("reviewer", reviewer).update();
		writeCitations(code, version, content);
	}

	Optional<Row> guide(String code, int version) {
		return jdbc.sql("SELECT * FROM catalogue_guide WHERE item_code = :code AND version = :version")
				.param("code", code).param("version", version).query((rs, i) -> row(rs)).optional();
	}

	Optional<Row> guideForUpdate(String code, int version) {
		return jdbc.sql("SELECT * FROM catalogue_guide WHERE item_code = :code AND version = :version FOR UPDATE")
				.param("code", code).param("version", version).query((rs, i) -> row(rs)).optional();
	}

	List<Row> versions(String code) {
		return jdbc.sql("SELECT * FROM catalogue_guide WHERE item_code = :code ORDER BY version DESC")
				.param("code", code).query((rs, i) -> row(rs)).list();
	}

	int nextVersion(String code) {
		return jdbc.sql("SELECT coalesce(max(version), 0) + 1 FROM catalogue_guide WHERE item_code = :code")
				.param("code", code).query(Integer.class).single();
	}

	Optional<Row> openVersion(String code) {
		return jdbc.sql("SELECT * FROM catalogue_guide WHERE item_code = :code AND status IN ('DRAFT', 'IN_REVIEW')")
				.param("code", code).query((rs, i) -> row(rs)).optional();
	}

	List<Row> inReview() {
		return jdbc.sql("SELECT * FROM catalogue_guide WHERE status = 'IN_REVIEW' ORDER BY submitted_at")
				.query((rs, i) -> row(rs)).list();
	}

	List<Row> drafts() {
		return jdbc.sql("SELECT * FROM catalogue_guide WHERE status = 'DRAFT' ORDER BY updated_at DESC")
				.query((rs, i) -> row(rs)).list();
	}

	void updateDraft(String code, int version, GuideContent content) {
		jdbc.sql("UPDATE catalogue_guide SET content = CAST(:content AS jsonb), updated_at = now()"
				+ " WHERE item_code = :code AND version = :version AND status = 'DRAFT'").param("code", code)
				.param("version", version).param("content", json(content)).update();
		jdbc.sql("DELETE FROM catalogue_guide_law WHERE item_code = :code AND version = :version")
				.param("code", code).param("version", version).update();
		writeCitations(code, version, content);
	}

	/** Moves a version to a new status; the timestamps and people of the transition go with it. */
	void changeStatus(String code, int version, GuideStatus status, String reviewer, String rejectReason) {
		String stamp = switch (status) {
			case IN_REVIEW -> ", submitted_at = now(), reject_reason = NULL";
			case PUBLISHED -> ", published_at = now(), reviewer = :reviewer";
			case DRAFT -> ", reviewer = :reviewer, reject_reason = :reason, submitted_at = NULL";
			case SUPERSEDED -> "";
		};
		var spec = jdbc.sql("UPDATE catalogue_guide SET status = :status" + stamp
				+ (status == GuideStatus.SUPERSEDED ? "" : ", updated_at = now()")
				+ " WHERE item_code = :code AND version = :version").param("code", code).param("version", version)
				.param("status", status.name());
		if (status == GuideStatus.PUBLISHED || status == GuideStatus.DRAFT) {
			spec = spec.param("reviewer", reviewer);
		}
		if (status == GuideStatus.DRAFT) {
			spec = spec.param("reason", rejectReason);
		}
		spec.update();
	}

	private void writeCitations(String code, int version, GuideContent content) {
		List<GuideContent.Citation> basis = content.legalBasis() == null ? List.of() : content.legalBasis();
		for (int p = 0; p < basis.size(); p++) {
			jdbc.sql("INSERT INTO catalogue_guide_law (item_code, version, position, law_id, article)"
					+ " VALUES (:code, :version, :position, :law, :article)").param("code", code)
					.param("version", version).param("position", p).param("law", basis.get(p).law())
					.param("article", basis.get(p).article()).update();
		}
	}

	String json(GuideContent content) {
		return json.writeValueAsString(content);
	}

	private GuideContent content(String text) {
		return json.readValue(text, GuideContent.class);
	}

	private Row row(ResultSet rs) throws SQLException {
		return new Row(rs.getString("item_code"), rs.getInt("version"), GuideStatus.valueOf(rs.getString("status")),
				content(rs.getString("content")), rs.getString("author"), rs.getString("reviewer"),
				rs.getString("reject_reason"), instant(rs, "updated_at"), instant(rs, "submitted_at"),
				instant(rs, "published_at"));
	}

	private static Item item(ResultSet rs) throws SQLException {
		return new Item(rs.getString("code"), rs.getString("name"), ItemType.valueOf(rs.getString("type")),
				rs.getString("division"), rs.getString("handling_unit"), rs.getInt("published_version"),
				rs.getBoolean("needs_review"), rs.getString("review_reason"));
	}

	private static Law law(ResultSet rs) throws SQLException {
		return law(rs, "");
	}

	/** A law from columns named with {@code prefix} (joined to another table's row). */
	private static Law law(ResultSet rs, String prefix) throws SQLException {
		LawStatus status = LawStatus.valueOf(rs.getString(prefix + "status"));
		return new Law(rs.getString(prefix + "id"), rs.getString(prefix + "name"), rs.getString(prefix + "issuer"), status,
				status.label(), date(rs, prefix + "effective"), date(rs, prefix + "amended"), date(rs, prefix + "repealed"),
				rs.getString(prefix + "note"));
	}

	private static LocalDate date(ResultSet rs, String column) throws SQLException {
		Date d = rs.getDate(column);
		return d == null ? null : d.toLocalDate();
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp t = rs.getTimestamp(column);
		return t == null ? null : t.toInstant();
	}
}
