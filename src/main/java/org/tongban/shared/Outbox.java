package org.tongban.shared;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The sending side of a table of messages to another system (the 12345 hotline's hand-overs, joint-inspection
 * plans to partner authorities): rows with {@code id}, {@code status} ('PENDING' until sent), {@code attempts},
 * {@code next_attempt_at} and {@code last_error}. A row is claimed for a lease before each try, so two instances never
 * send it at once; a failed try is retried after 1, 2, 4 … at most 60 minutes. Tries run outside any transaction, so
 * the other system's answer is never held up by a database lock.
 */
public final class Outbox {

	private static final Duration LEASE = Duration.ofMinutes(5);

	private final JdbcClient jdbc;
	private final Clock clock;
	private final String table;

	/** {@code table} is a constant of the caller's module, never input. */
	public Outbox(JdbcClient jdbc, Clock clock, String table) {
		if (!table.matches("[a-z_]+")) {
			throw new IllegalArgumentException("not a table name: " + table);
		}
		this.jdbc = jdbc;
		this.clock = clock;
		this.table = table;
	}

	/** Tries every due row once with {@code attempt} (true when the other side took it); how many it took. */
	public int sendDue(Predicate<UUID> attempt) {
		int taken = 0;
		Optional<UUID> next;
		Set<UUID> tried = new HashSet<>();
		while ((next = claimDue()).isPresent() && tried.add(next.get())) {
			taken += attempt.test(next.get()) ? 1 : 0;
		}
		return taken;
	}

	/** Tries one row now if it is still pending and due (right after the commit that made it). */
	public boolean sendNow(UUID id, Predicate<UUID> attempt) {
		Instant now = clock.instant();
		int claimed = jdbc.sql("UPDATE " + table + " SET next_attempt_at = ? WHERE id = ? AND status = 'PENDING' "
				+ "AND next_attempt_at <= ?").params(Timestamp.from(now.plus(LEASE)), id, Timestamp.from(now)).update();
		return claimed > 0 && attempt.test(id);
	}

	/** Records a failed try and when to try again; returns the number of tries so far and the pause. */
	public Failure failed(UUID id, String error) {
		int attempts = jdbc.sql("SELECT attempts FROM " + table + " WHERE id = ?").param(id).query(Integer.class).single() + 1;
		Duration pause = Duration.ofMinutes(Math.min(60, 1L << Math.min(6, attempts - 1)));
		String message = error == null ? "未知错误" : error;
		jdbc.sql("UPDATE " + table + " SET attempts = ?, last_error = ?, next_attempt_at = ? WHERE id = ? AND status = 'PENDING'")
			.params(attempts, message.length() > 500 ? message.substring(0, 500) : message,
					Timestamp.from(clock.instant().plus(pause)), id)
			.update();
		return new Failure(attempts, pause, message);
	}

	/** A failed try: how many so far, how long until the next, what went wrong. */
	public record Failure(int attempts, Duration pause, String error) {
	}

	private Optional<UUID> claimDue() {
		Instant now = clock.instant();
		return jdbc.sql("UPDATE " + table + " SET next_attempt_at = ? WHERE id = (SELECT id FROM " + table
				+ " WHERE status = 'PENDING' AND next_attempt_at <= ? ORDER BY next_attempt_at LIMIT 1 FOR UPDATE SKIP LOCKED) "
				+ "RETURNING id")
			.params(Timestamp.from(now.plus(LEASE)), Timestamp.from(now)).query(UUID.class).optional();
	}
}
