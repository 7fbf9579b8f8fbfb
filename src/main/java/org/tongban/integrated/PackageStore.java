package org.tongban.integrated;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** The package tables; content is the package as JSON, its version taken from the row. */
@Repository
class PackageStore {

	record Header(String code, String name, String division, int publishedVersion) {
	}

	record Row(String code, int version, PackageStatus status, IndustryPackage content, String author,
			String reviewer, String rejectReason, Instant updatedAt, Instant publishedAt) {
	}

	private final JdbcClient jdbc;
	private final JsonMapper json;
	private final Clock clock;

	PackageStore(JdbcClient jdbc, JsonMapper json, Clock clock) {
		this.jdbc = jdbc;
		this.json = lenient(json);
		this.clock = clock;
	}

	void lockForLoading() {
		jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('integrated_loader'))").query().singleValue();
	}

	boolean exists(String code) {
		return jdbc.sql("SELECT count(*) FROM integrated_package WHERE code = :code").param("code", code)
				.query(Long.class).single() > 0;
	}

	void insertPackage(String code, String name, String division, int publishedVersion) {
		jdbc.sql("INSERT INTO integrated_package (code, name, division, published_version)"
				+ " VALUES (:code, :name, :division, :version)").param("code", code).param("name", name)
				.param("division", division).param("version", publishedVersion).update();
	}

	List<Header> headers() {
		return jdbc.sql("SELECT * FROM integrated_package ORDER BY code").query((rs, i) -> header(rs)).list();
	}

	Optional<Header> header(String code, boolean forUpdate) {
		return jdbc.sql("SELECT * FROM integrated_package WHERE code = :code" + (forUpdate ? " FOR UPDATE" : ""))
				.param("code", code).query((rs, i) -> header(rs)).optional();
	}

	void markPublished(String code, int version, String name) {
		jdbc.sql("UPDATE integrated_package SET published_version = :version, name = :name WHERE code = :code")
				.param("version", version).param("name", name).param("code", code).update();
	}

	void insertVersion(String code, int version, PackageStatus status, IndustryPackage content, String author,
			String reviewer) {
		Timestamp now = Timestamp.from(clock.instant());
		jdbc.sql("INSERT INTO integrated_package_version (code, version, status, content, author, reviewer,"
				+ " updated_at, published_at) VALUES (:code, :version, :status, CAST(:content AS jsonb), :author,"
				+ " :reviewer, :now, :published)").param("code", code).param("version", version)
				.param("status", status.name()).param("content", json.writeValueAsString(content))
				.param("author", author).param("reviewer", reviewer).param("now", now)
				.param("published", status == PackageStatus.PUBLISHED ? now : null).update();
	}

	void updateContent(String code, int version, IndustryPackage content) {
		jdbc.sql("UPDATE integrated_package_version SET content = CAST(:content AS jsonb), updated_at = :now"
				+ " WHERE code = :code AND version = :version").param("content", json.writeValueAsString(content))
				.param("now", Timestamp.from(clock.instant())).param("code", code).param("version", version).update();
	}

	void changeStatus(String code, int version, PackageStatus status, String reviewer, String rejectReason) {
		Timestamp now = Timestamp.from(clock.instant());
		jdbc.sql("UPDATE integrated_package_version SET status = :status, updated_at = :now,"
				+ " reviewer = coalesce(:reviewer, reviewer), reject_reason = :reason,"
				+ " published_at = CASE WHEN :status = 'PUBLISHED' THEN :now ELSE published_at END"
				+ " WHERE code = :code AND version = :version").param("status", status.name()).param("now", now)
				.param("reviewer", reviewer).param("reason", rejectReason).param("code", code)
				.param("version", version).update();
	}

	Optional<Row> version(String code, int version, boolean forUpdate) {
		return jdbc.sql("SELECT * FROM integrated_package_version WHERE code = :code AND version = :version"
				+ (forUpdate ? " FOR UPDATE" : "")).param("code", code).param("version", version)
				.query((rs, i) -> row(rs)).optional();
	}

	List<Row> versions(String code) {
		return jdbc.sql("SELECT * FROM integrated_package_version WHERE code = :code ORDER BY version DESC")
				.param("code", code).query((rs, i) -> row(rs)).list();
	}

	List<Row> published() {
		return jdbc.sql("SELECT v.* FROM integrated_package_version v JOIN integrated_package p"
				+ " ON p.code = v.code AND p.published_version = v.version ORDER BY v.code").query((rs, i) -> row(rs))
				.list();
	}

	List<Row> open() {
		return jdbc.sql("SELECT * FROM integrated_package_version WHERE status IN ('DRAFT', 'IN_REVIEW')"
				+ " ORDER BY updated_at DESC").query((rs, i) -> row(rs)).list();
	}

	Optional<Row> openVersion(String code) {
		return jdbc.sql("SELECT * FROM integrated_package_version WHERE code = :code"
				+ " AND status IN ('DRAFT', 'IN_REVIEW')").param("code", code).query((rs, i) -> row(rs)).optional();
	}

	int nextVersion(String code) {
		return jdbc.sql("SELECT coalesce(max(version), 0) + 1 FROM integrated_package_version WHERE code = :code")
				.param("code", code).query(Integer.class).single();
	}

	private static Header header(ResultSet rs) throws SQLException {
		return new Header(rs.getString("code"), rs.getString("name"), rs.getString("division"),
				rs.getInt("published_version"));
	}

	private Row row(ResultSet rs) throws SQLException {
		int version = rs.getInt("version");
		IndustryPackage stored = json.readValue(rs.getString("content"), IndustryPackage.class);
		Timestamp published = rs.getTimestamp("published_at");
		return new Row(rs.getString("code"), version, PackageStatus.valueOf(rs.getString("status")),
				withVersion(stored, version), rs.getString("author"), rs.getString("reviewer"),
				rs.getString("reject_reason"), rs.getTimestamp("updated_at").toInstant(),
				published == null ? null : published.toInstant());
	}

	/** Absent yes/no flags (external, required) read as false. */
	static JsonMapper lenient(JsonMapper json) {
		return json.rebuild().disable(tools.jackson.databind.DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
				.build();
	}

	static IndustryPackage withVersion(IndustryPackage p, int version) {
		return new IndustryPackage(p.code(), p.name(), p.industry(), p.role(), p.leadAuthority(), p.itemCode(), version,
				p.items(), p.questions(), p.fields(), p.materials(), p.obligations(), p.validity(), p.division(),
				p.contradictions(), p.manual(), p.legalReview(), p.summary(), p.demoAnswers());
	}
}
