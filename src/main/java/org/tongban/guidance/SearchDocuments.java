package org.tongban.guidance;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The stored passages and their vectors (tables {@code guidance_search_*}). */
@Repository
class SearchDocuments {

	private static final String COLUMNS = "id, item_code, item_name, item_type, situation_code, situation_name, kind, body, keywords, embedding";

	private final JdbcTemplate jdbc;

	SearchDocuments(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	boolean isEmpty() {
		return !Boolean.TRUE.equals(jdbc.queryForObject("select exists (select 1 from guidance_search_item)", Boolean.class));
	}

	/** The version stored for an item, or -1. */
	int version(String itemCode) {
		List<Integer> v = jdbc.queryForList("select version from guidance_search_item where item_code = ?", Integer.class, itemCode);
		return v.isEmpty() ? -1 : v.get(0);
	}

	/** The vectors an item already has, by hex hash of the text they were computed from. */
	Map<String, float[]> vectorsByHash(String itemCode) {
		Map<String, float[]> out = new HashMap<>();
		jdbc.query("select text_hash, embedding from guidance_search_document where item_code = ? and embedding is not null",
				rs -> {
					out.put(HexFormat.of().formatHex(rs.getBytes(1)), floats(rs.getBytes(2)));
				}, itemCode);
		return out;
	}

	/** Replaces an item's passages; the caller runs this in a transaction. Returns them with their ids. */
	List<Passage> replace(String itemCode, int version, List<SearchDocument> docs, Map<String, float[]> reusable) {
		jdbc.update("""
				insert into guidance_search_item (item_code, version) values (?, ?)
				on conflict (item_code) do update set version = excluded.version, indexed_at = now()""", itemCode, version);
		jdbc.update("delete from guidance_search_document where item_code = ?", itemCode);
		List<Passage> out = new ArrayList<>(docs.size());
		for (int i = 0; i < docs.size(); i++) {
			SearchDocument d = docs.get(i);
			byte[] hash = hash(d.embeddingText());
			float[] vector = reusable.get(HexFormat.of().formatHex(hash));
			int position = i;
			Long id = jdbc.query(con -> {
				var ps = con.prepareStatement("""
						insert into guidance_search_document (item_code, position, item_name, item_type, situation_code,
						  situation_name, kind, body, keywords, text_hash, embedding)
						values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""");
				ps.setString(1, itemCode);
				ps.setInt(2, position);
				ps.setString(3, d.itemName());
				ps.setString(4, d.itemType());
				ps.setString(5, d.situationCode());
				ps.setString(6, d.situationName());
				ps.setString(7, d.kind().name());
				ps.setString(8, d.text());
				ps.setArray(9, con.createArrayOf("text", d.keywords().toArray()));
				ps.setBytes(10, hash);
				ps.setBytes(11, vector == null ? null : bytes(vector));
				return ps;
			}, rs -> rs.next() ? rs.getLong(1) : null);
			out.add(new Passage(id, d, vector));
		}
		return out;
	}

	/** When each item was last indexed or given vectors, by the database's clock. */
	Map<String, java.time.OffsetDateTime> indexedAt() {
		Map<String, java.time.OffsetDateTime> out = new HashMap<>();
		jdbc.query("select item_code, indexed_at from guidance_search_item",
				rs -> {
					out.put(rs.getString(1), rs.getObject(2, java.time.OffsetDateTime.class));
				});
		return out;
	}

	/** Marks items as changed for the other instances, after their passages got vectors. */
	void touch(java.util.Collection<String> itemCodes) {
		for (String code : itemCodes) {
			jdbc.update("update guidance_search_item set indexed_at = now() where item_code = ?", code);
		}
	}

	List<Passage> of(String itemCode) {
		return jdbc.query("select " + COLUMNS + " from guidance_search_document where item_code = ? order by position",
				this::passage, itemCode);
	}

	List<Passage> all() {
		return jdbc.query("select " + COLUMNS + " from guidance_search_document order by item_code, position", this::passage);
	}

	/** Passages still waiting for a vector, at most {@code limit}. */
	List<Passage> unembedded(int limit) {
		return jdbc.query("select " + COLUMNS + " from guidance_search_document where embedding is null order by id limit ?",
				this::passage, limit);
	}

	void vector(long id, float[] vector) {
		jdbc.update("update guidance_search_document set embedding = ? where id = ?", bytes(vector), id);
	}

	private Passage passage(ResultSet rs, int row) throws SQLException {
		Array keywords = rs.getArray("keywords");
		SearchDocument d = new SearchDocument(rs.getString("item_code"), rs.getString("item_name"), rs.getString("item_type"),
				rs.getString("situation_code"), rs.getString("situation_name"), SearchDocument.Kind.valueOf(rs.getString("kind")),
				rs.getString("body"), Arrays.asList((String[]) keywords.getArray()));
		byte[] e = rs.getBytes("embedding");
		return new Passage(rs.getLong("id"), d, e == null ? null : floats(e));
	}

	static byte[] hash(String text) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static byte[] bytes(float[] v) {
		ByteBuffer b = ByteBuffer.allocate(v.length * 4).order(ByteOrder.LITTLE_ENDIAN);
		b.asFloatBuffer().put(v);
		return b.array();
	}

	static float[] floats(byte[] bytes) {
		float[] v = new float[bytes.length / 4];
		ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(v);
		return v;
	}
}
