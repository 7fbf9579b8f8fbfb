package org.tongban.catalogue;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The table of the files kept with guide versions; every query is parameterised. */
@Repository
class GuideFileStore {

	private final JdbcClient jdbc;

	GuideFileStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<GuideFile> files(String code, int version) {
		return jdbc.sql("SELECT * FROM catalogue_guide_file WHERE item_code = :code AND version = :version"
				+ " ORDER BY material, kind").param("code", code).param("version", version)
				.query((rs, i) -> file(rs)).list();
	}

	Optional<GuideFile> file(String code, int version, String material, GuideFileKind kind) {
		return jdbc.sql("SELECT * FROM catalogue_guide_file WHERE item_code = :code AND version = :version"
				+ " AND material = :material AND kind = :kind").param("code", code).param("version", version)
				.param("material", material).param("kind", kind.name()).query((rs, i) -> file(rs)).optional();
	}

	/** Puts the file in the version's place for the material and kind, replacing the one there. */
	void put(String code, int version, GuideFile f) {
		jdbc.sql("""
				INSERT INTO catalogue_guide_file (item_code, version, material, kind, filename, media_type, size, sha256,
				  uploaded_by, uploaded_at)
				VALUES (:code, :version, :material, :kind, :filename, :type, :size, :sha256, :by, :at)
				ON CONFLICT (item_code, version, material, kind) DO UPDATE SET filename = EXCLUDED.filename,
				  media_type = EXCLUDED.media_type, size = EXCLUDED.size, sha256 = EXCLUDED.sha256,
				  uploaded_by = EXCLUDED.uploaded_by, uploaded_at = EXCLUDED.uploaded_at
				""").params(params(code, version, f)).update();
	}

	/** Adds the file unless the place is taken (a generated demo file: another instance may have been first). */
	void putIfAbsent(String code, int version, GuideFile f) {
		jdbc.sql("""
				INSERT INTO catalogue_guide_file (item_code, version, material, kind, filename, media_type, size, sha256,
				  uploaded_by, uploaded_at)
				VALUES (:code, :version, :material, :kind, :filename, :type, :size, :sha256, :by, :at)
				ON CONFLICT (item_code, version, material, kind) DO NOTHING
				""").params(params(code, version, f)).update();
	}

	boolean remove(String code, int version, String material, GuideFileKind kind) {
		return jdbc.sql("DELETE FROM catalogue_guide_file WHERE item_code = :code AND version = :version"
				+ " AND material = :material AND kind = :kind").param("code", code).param("version", version)
				.param("material", material).param("kind", kind.name()).update() == 1;
	}

	/** A new draft starts with the files of the version it is copied from. */
	int copy(String code, int from, int to) {
		return jdbc.sql("""
				INSERT INTO catalogue_guide_file (item_code, version, material, kind, filename, media_type, size, sha256,
				  uploaded_by, uploaded_at)
				SELECT item_code, :to, material, kind, filename, media_type, size, sha256, uploaded_by, uploaded_at
				FROM catalogue_guide_file WHERE item_code = :code AND version = :from
				""").param("code", code).param("from", from).param("to", to).update();
	}

	private static java.util.Map<String, Object> params(String code, int version, GuideFile f) {
		return java.util.Map.of("code", code, "version", version, "material", f.material(), "kind", f.kind().name(),
				"filename", f.filename(), "type", f.mediaType(), "size", f.size(), "sha256", f.sha256(), "by",
				f.uploadedBy(), "at", java.sql.Timestamp.from(f.uploadedAt()));
	}

	private static GuideFile file(ResultSet rs) throws SQLException {
		GuideFileKind kind = GuideFileKind.valueOf(rs.getString("kind"));
		Instant at = rs.getTimestamp("uploaded_at").toInstant();
		return new GuideFile(rs.getString("material"), kind, kind.label(), rs.getString("filename"),
				rs.getString("media_type"), rs.getLong("size"), rs.getString("sha256"), rs.getString("uploaded_by"), at);
	}
}
