package org.tongban.archive;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.tongban.shared.Sm3;

/**
 * The append-only SM3 hash chain over packages and disposals. Each entry's digest covers its canonical form
 * including the previous entry's digest, so removing or changing an entry breaks every link after it.
 * Appends lock the head row, so concurrent appends are serialised and sequence numbers have no gaps.
 */
@Component
class HashChain {

	static final String GENESIS = "0".repeat(64);

	private final JdbcClient jdbc;
	private final Clock clock;

	HashChain(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	enum Kind {
		PACKAGE, DISPOSAL
	}

	record Entry(long seq, Kind kind, UUID caseId, String packageSm3, String prevDigest, String entryDigest,
			Instant at, String actor, String reason) {

		String recomputed() {
			return Sm3.hex(canonical(seq, kind, caseId, packageSm3, prevDigest, at, actor, reason));
		}
	}

	record Head(long seq, String digest) {
	}

	/** Appends in the caller's transaction; the head row stays locked until it commits. */
	@Transactional(propagation = Propagation.MANDATORY)
	Entry append(Kind kind, UUID caseId, String packageSm3, String actor, String reason) {
		Head head = jdbc.sql("SELECT seq, digest FROM archive_chain_head WHERE id = 1 FOR UPDATE")
			.query((rs, i) -> new Head(rs.getLong("seq"), rs.getString("digest")))
			.single();
		long seq = head.seq() + 1;
		Instant at = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
		String digest = Sm3.hex(canonical(seq, kind, caseId, packageSm3, head.digest(), at, actor, reason));
		jdbc.sql("""
				INSERT INTO archive_chain_entry (seq, kind, case_id, package_sm3, prev_digest, entry_digest, at, actor, reason)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(seq, kind.name(), caseId, packageSm3, head.digest(), digest, Timestamp.from(at), actor, reason)
			.update();
		jdbc.sql("UPDATE archive_chain_head SET seq = ?, digest = ? WHERE id = 1").params(seq, digest).update();
		return new Entry(seq, kind, caseId, packageSm3, head.digest(), digest, at, actor, reason);
	}

	Head head() {
		return jdbc.sql("SELECT seq, digest FROM archive_chain_head WHERE id = 1")
			.query((rs, i) -> new Head(rs.getLong("seq"), rs.getString("digest")))
			.single();
	}

	List<Entry> entries() {
		return jdbc.sql("""
				SELECT seq, kind, case_id, package_sm3, prev_digest, entry_digest, at, actor, reason
				FROM archive_chain_entry ORDER BY seq""")
			.query((rs, i) -> new Entry(rs.getLong("seq"), Kind.valueOf(rs.getString("kind")),
					rs.getObject("case_id", UUID.class), rs.getString("package_sm3"), rs.getString("prev_digest"),
					rs.getString("entry_digest"), rs.getTimestamp("at").toInstant(), rs.getString("actor"),
					rs.getString("reason")))
			.list();
	}

	List<Entry> entriesFor(UUID caseId) {
		return jdbc.sql("""
				SELECT seq, kind, case_id, package_sm3, prev_digest, entry_digest, at, actor, reason
				FROM archive_chain_entry WHERE case_id = ? ORDER BY seq""")
			.param(caseId)
			.query((rs, i) -> new Entry(rs.getLong("seq"), Kind.valueOf(rs.getString("kind")),
					rs.getObject("case_id", UUID.class), rs.getString("package_sm3"), rs.getString("prev_digest"),
					rs.getString("entry_digest"), rs.getTimestamp("at").toInstant(), rs.getString("actor"),
					rs.getString("reason")))
			.list();
	}

	/**
	 * The canonical form an entry digest is computed over: a version line, then each field as
	 * {@code name:length:value} on its own line (lengths in UTF-16 units make the form unambiguous).
	 */
	static String canonical(long seq, Kind kind, UUID caseId, String packageSm3, String prevDigest, Instant at,
			String actor, String reason) {
		StringBuilder b = new StringBuilder("tongban-archive-chain/1\n");
		field(b, "seq", Long.toString(seq));
		field(b, "kind", kind.name());
		field(b, "caseId", caseId.toString());
		field(b, "packageSm3", packageSm3);
		field(b, "prevDigest", prevDigest);
		field(b, "at", at.toString());
		field(b, "actor", actor);
		field(b, "reason", reason == null ? "" : reason);
		return b.toString();
	}

	private static void field(StringBuilder b, String name, String value) {
		b.append(name).append(':').append(value.length()).append(':').append(value).append('\n');
	}
}
