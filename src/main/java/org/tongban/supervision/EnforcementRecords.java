package org.tongban.supervision;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.tongban.shared.Sm3;

/**
 * The full-process record (执法全过程记录): every step of an enforcement subject (an inspection, a penalty case,
 * a joint inspection) with its time, its person, what was done and the SM3 hash of its evidence. A subject's steps
 * are chained: each step's hash is SM3 over the previous hash and the step's own fields, so the record shows a step
 * that was removed, altered or reordered. The table refuses updates and deletes.
 */
@Service
public class EnforcementRecords {

	/** What a record is about. */
	public enum Subject {
		INSPECTION, PENALTY, JOINT_INSPECTION
	}

	/** One recorded step. {@code evidenceSm3} is the SM3 of the photo, document or form the step produced, if any. */
	public record Step(long seq, String step, String actor, Instant at, String detail, String evidenceSm3,
			String previousHash, String hash) {
	}

	/** The result of re-computing a subject's chain: intact, or the first step whose hash does not follow. */
	public record Verification(boolean intact, int steps, Long firstBrokenSeq) {
	}

	static final String GENESIS = "0".repeat(64);

	private final JdbcClient jdbc;
	private final Clock clock;

	EnforcementRecords(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * Appends a step to the subject's chain, in the caller's transaction (a step belongs with the change it
	 * records: if the change rolls back, so does its record). Steps of one subject are serialised by a
	 * transaction-scoped advisory lock, so two concurrent steps never share a previous hash.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public Step append(Subject kind, UUID subjectId, String step, String actor, String detail, String evidenceSm3) {
		jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended(?, 0))").param(kind + ":" + subjectId)
			.query((rs, i) -> 1).list();
		String previous = jdbc.sql("SELECT hash FROM supervision_enforcement_record WHERE subject_kind = ? "
				+ "AND subject_id = ? ORDER BY seq DESC LIMIT 1")
			.params(kind.name(), subjectId).query(String.class).optional().orElse(GENESIS);
		// microseconds: what PostgreSQL keeps, so the hash re-computes from the stored value
		Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
		String safeDetail = detail == null ? "" : detail;
		String hash = hash(previous, kind, subjectId, step, actor, at, safeDetail, evidenceSm3);
		long seq = jdbc.sql("INSERT INTO supervision_enforcement_record (subject_kind, subject_id, step, actor, at, "
				+ "detail, evidence_sm3, previous_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING seq")
			.params(kind.name(), subjectId, step, actor, Timestamp.from(at), safeDetail, evidenceSm3, previous, hash)
			.query(Long.class).single();
		return new Step(seq, step, actor, at, safeDetail, evidenceSm3, previous, hash);
	}

	/** The subject's steps in order. */
	public List<Step> of(Subject kind, UUID subjectId) {
		return jdbc.sql("SELECT seq, step, actor, at, detail, evidence_sm3, previous_hash, hash "
				+ "FROM supervision_enforcement_record WHERE subject_kind = ? AND subject_id = ? ORDER BY seq")
			.params(kind.name(), subjectId)
			.query((rs, i) -> new Step(rs.getLong(1), rs.getString(2), rs.getString(3),
					rs.getTimestamp(4).toInstant(), rs.getString(5), rs.getString(6), rs.getString(7),
					rs.getString(8)))
			.list();
	}

	/** Re-computes the subject's chain from its stored steps. */
	public Verification verify(Subject kind, UUID subjectId) {
		List<Step> steps = of(kind, subjectId);
		String previous = GENESIS;
		for (Step s : steps) {
			if (!s.previousHash().equals(previous) || !s.hash().equals(hash(previous, kind, subjectId, s.step(),
					s.actor(), s.at(), s.detail(), s.evidenceSm3()))) {
				return new Verification(false, steps.size(), s.seq());
			}
			previous = s.hash();
		}
		return new Verification(true, steps.size(), null);
	}

	static String hash(String previous, Subject kind, UUID subjectId, String step, String actor, Instant at,
			String detail, String evidenceSm3) {
		// unit separators keep field boundaries unambiguous ("ab"+"c" never hashes as "a"+"bc")
		String sep = "\u001f";
		return Sm3.hex(String.join(sep, previous, kind.name(), subjectId.toString(), step, actor, at.toString(),
				detail, evidenceSm3 == null ? "" : evidenceSm3));
	}
}
