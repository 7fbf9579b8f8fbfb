package org.tongban.archive;

import java.io.IOException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.tongban.cases.Applicant;
import org.tongban.cases.Case;
import org.tongban.cases.CaseCompleted;
import org.tongban.cases.CaseId;
import org.tongban.cases.CaseRecords;
import org.tongban.catalogue.Catalogue;
import org.tongban.catalogue.Guide;

/**
 * Records completed cases as due for archiving and builds their packages. Building happens outside the
 * case's transaction: a failure (storage not writable, a material missing) leaves the row PENDING with the
 * error and the attempt count, and it is tried again later with a growing delay; the case is unaffected.
 */
@Service
public class Archiving {

	private static final Logger log = LoggerFactory.getLogger(Archiving.class);
	static final int BATCH = 200;

	private final JdbcClient jdbc;
	private final Clock clock;
	private final CaseRecords cases;
	private final Catalogue catalogue;
	private final PackageBuilder builder;
	private final ArchiveStore store;
	private final HashChain chain;
	private final ObjectProvider<LicenceDocuments> licences;
	private final TransactionTemplate tx;

	Archiving(JdbcClient jdbc, Clock clock, CaseRecords cases, Catalogue catalogue, PackageBuilder builder,
			ArchiveStore store, HashChain chain, ObjectProvider<LicenceDocuments> licences,
			PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.cases = cases;
		this.catalogue = catalogue;
		this.builder = builder;
		this.store = store;
		this.chain = chain;
		this.licences = licences;
		this.tx = new TransactionTemplate(transactions);
	}

	/** Counts of one run of the builder. */
	public record Run(int archived, int failed) {
	}

	/** Records the case as due, in the caller's transaction; a second delivery of the event changes nothing. */
	void due(CaseCompleted event) {
		Optional<Case> found = cases.find(event.caseId());
		Applicant a = found.map(Case::applicant).orElse(null);
		Instant now = Instant.now(clock);
		jdbc.sql("""
				INSERT INTO archive_package (id, case_id, item_code, outcome, completed_at, due_at, status, next_attempt_at,
				  item_name, applicant_name, applicant_id)
				VALUES (?, ?, ?, ?, ?, ?, 'PENDING', ?, ?, ?, ?)
				ON CONFLICT (case_id) DO NOTHING""")
			.params(UUID.randomUUID(), event.caseId().value(), event.itemCode(), event.outcome().name(),
					Timestamp.from(event.completedAt()), Timestamp.from(now), Timestamp.from(now),
					found.map(Case::itemName).orElse(null), a == null ? null : a.name(),
					a == null ? null : (a.kind() == Applicant.Kind.PERSON ? a.idNumber() : a.uscc()))
			.update();
	}

	/** Builds every pending package whose next attempt is due, in batches, until none is left. */
	public Run buildPending() {
		int archived = 0;
		int failed = 0;
		java.util.Set<UUID> tried = new java.util.HashSet<>();
		while (true) {
			List<UUID> due = jdbc.sql("""
					SELECT case_id FROM archive_package WHERE status = 'PENDING' AND next_attempt_at <= ?
					ORDER BY next_attempt_at, case_id LIMIT ?""")
				.params(Timestamp.from(Instant.now(clock)), BATCH)
				.query(UUID.class)
				.list();
			List<UUID> fresh = due.stream().filter(tried::add).toList();
			if (fresh.isEmpty()) {
				return new Run(archived, failed);
			}
			for (UUID caseId : fresh) {
				switch (build(new CaseId(caseId))) {
					case ARCHIVED -> archived++;
					case FAILED -> failed++;
					case SKIPPED -> {
					}
				}
			}
		}
	}

	public enum Outcome {
		ARCHIVED, FAILED, SKIPPED
	}

	/**
	 * Builds one case's package now, whatever its retry delay. SKIPPED when it is not pending or another
	 * instance is building it at this moment.
	 */
	public Outcome build(CaseId caseId) {
		try {
			Boolean done = tx.execute(status -> buildLocked(caseId));
			return Boolean.TRUE.equals(done) ? Outcome.ARCHIVED : Outcome.SKIPPED;
		}
		catch (RuntimeException e) {
			recordFailure(caseId, e);
			return Outcome.FAILED;
		}
	}

	private boolean buildLocked(CaseId caseId) {
		record Pending(Instant completedAt, int attempts) {
		}
		Optional<Pending> row = jdbc.sql("""
				SELECT completed_at, attempts FROM archive_package WHERE case_id = ? AND status = 'PENDING'
				FOR UPDATE SKIP LOCKED""")
			.param(caseId.value())
			.query((rs, i) -> new Pending(rs.getTimestamp("completed_at").toInstant(), rs.getInt("attempts")))
			.optional();
		if (row.isEmpty()) {
			return false;
		}
		Case c = cases.find(caseId).orElseThrow(() -> new IllegalStateException("办件 " + caseId + " 不存在"));
		Integer retentionYears = catalogue.version(c.itemCode(), c.guideVersion()).map(Guide::retentionYears).orElse(null);
		LicenceDocuments documents = licences.getIfAvailable();
		if (documents != null && documents.pending(caseId)) {
			// retried with the usual back-off, so the package holds the licence the grant produced
			throw new IllegalStateException("证照尚未制发，稍后重试归档");
		}
		Optional<byte[]> licence = Optional.ofNullable(documents).flatMap(l -> l.pdfForCase(caseId));
		PackageBuilder.Built built;
		try {
			built = builder.build(c, row.get().completedAt(), retentionYears, licence);
			store.put(caseId, built.zip());
		}
		catch (IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
		HashChain.Entry entry = chain.append(HashChain.Kind.PACKAGE, caseId.value(), built.sm3(), "system", null);
		LocalDate retainUntil = retentionYears == null ? null
				: row.get().completedAt().atZone(PdfDocuments.ZONE).toLocalDate().plusYears(retentionYears);
		Applicant a = c.applicant();
		jdbc.sql("""
				UPDATE archive_package SET status = 'ARCHIVED', attempts = attempts + 1, last_error = NULL,
				  item_name = ?, applicant_name = ?, applicant_id = ?, size_bytes = ?, sm3 = ?, archived_at = ?,
				  retain_until = ?
				WHERE case_id = ?""")
			.params(c.itemName(), a.name(), a.kind() == Applicant.Kind.PERSON ? a.idNumber() : a.uscc(),
					built.zip().length, built.sm3(), Timestamp.from(entry.at()), retainUntil, caseId.value())
			.update();
		return true;
	}

	private void recordFailure(CaseId caseId, RuntimeException e) {
		Throwable cause = e instanceof java.io.UncheckedIOException u ? u.getCause() : e;
		String message = cause.getClass().getSimpleName() + ": " + cause.getMessage();
		log.warn("Archiving case {} failed, will retry: {}", caseId, message);
		tx.executeWithoutResult(status -> {
			Integer attempts = jdbc.sql("SELECT attempts FROM archive_package WHERE case_id = ? FOR UPDATE")
				.param(caseId.value())
				.query(Integer.class)
				.optional()
				.orElse(null);
			if (attempts == null) {
				return;
			}
			// 1, 2, 4 … minutes, at most a day
			Duration delay = Duration.ofMinutes(Math.min(1L << Math.min(attempts, 11), 24 * 60));
			jdbc.sql("""
					UPDATE archive_package SET attempts = attempts + 1, last_error = ?, next_attempt_at = ?
					WHERE case_id = ? AND status = 'PENDING'""")
				.params(message.length() > 1000 ? message.substring(0, 1000) : message,
						Timestamp.from(Instant.now(clock).plus(delay)), caseId.value())
				.update();
		});
	}
}
