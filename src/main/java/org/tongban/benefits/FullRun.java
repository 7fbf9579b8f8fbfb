package org.tongban.benefits;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.tongban.shared.Problem;

/**
 * The full match of every programme over everyone: each programme's rule in force, translated into SQL, run in a
 * transaction of its own over one scan of the population register, then one INSERT … SELECT of its new offers. An
 * offer exists once per person, programme and year, so a second run, or a run after a rule change, creates and
 * notifies nobody again. One full run at a time across all instances: a PostgreSQL advisory lock, a second run is
 * refused.
 */
@Service
class FullRun {

	private static final Log log = LogFactory.getLog(FullRun.class);
	/** The advisory lock key of full runs ("benefits" in ASCII, as a number). */
	static final long RUN_LOCK = 0x62656e6566697473L;

	record RunResult(UUID id, long matched, long created, long notified, double seconds) {
	}

	private final JdbcClient jdbc;
	private final DataSource dataSource;
	private final Programmes programmes;
	private final Delivery delivery;
	private final TransactionTemplate transactions;
	private final Clock clock;
	private final ReformFigures figures;
	/** The transactions a full run is made in at once (the database's cores it may use). */
	private final int parts;
	private final TransactionTemplate inSnapshot;

	FullRun(JdbcClient jdbc, DataSource dataSource, Programmes programmes, Delivery delivery,
			TransactionTemplate transactions, Clock clock, ReformFigures figures,
			@Value("${tongban.benefits.match-parts:2}") int parts) {
		if (parts < 1) {
			throw new IllegalArgumentException("tongban.benefits.match-parts must be at least 1");
		}
		this.jdbc = jdbc;
		this.dataSource = dataSource;
		this.programmes = programmes;
		this.delivery = delivery;
		this.transactions = new TransactionTemplate(transactions.getTransactionManager());
		this.clock = clock;
		this.figures = figures;
		this.parts = parts;
		this.inSnapshot = new TransactionTemplate(transactions.getTransactionManager());
		this.inSnapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
	}

	/**
	 * A full run of every programme; refused with 409 while another full run holds the lock. Each programme is
	 * matched in a transaction of its own, {@link #parts} of them at once, all reading one snapshot (exported by the
	 * transaction that holds {@link Matcher#OFFERS_LOCK} for them), so that the run sees the registers as they were at one
	 * moment whatever changes meanwhile. A programme's offers are made all or none: one that fails leaves those of
	 * the programmes that committed, whole and right, and the next run, finding them, makes only the rest.
	 */
	RunResult run(String by) {
		long started = System.nanoTime();
		try (Connection lock = dataSource.getConnection()) {
			if (!advisory(lock, "SELECT pg_try_advisory_lock(?)")) {
				throw Problem.conflict("另一次全量匹配正在进行，请等它结束后再试。");
			}
			try {
				LocalDate today = LocalDate.now(clock);
				UUID id = UUID.randomUUID();
				transactions.executeWithoutResult(tx -> {
					jdbc.sql("INSERT INTO benefits_run (id, started_by, started_at, today) VALUES (?, ?, ?, ?)")
						.params(id, by, Timestamp.from(clock.instant()), today).update();
					expire(today);
				});
				List<Rule> rules = rulesInForce(today);
				long[] counts = transactions.execute(tx -> matchInParts(rules, today));
				long notified = delivery.notifyPending(null);
				double seconds = (System.nanoTime() - started) / 1e9;
				jdbc.sql("UPDATE benefits_run SET matched = ?, created = ?, notified = ?, seconds = ? WHERE id = ?")
					.params(counts[0], counts[1], notified, seconds, id).update();
				log.info("免申即享全量匹配：符合 " + counts[0] + "，新建 " + counts[1] + "，通知 " + notified + "，用时 "
						+ String.format("%.1f", seconds) + " s");
				figures.report();
				return new RunResult(id, counts[0], counts[1], notified, seconds);
			}
			finally {
				advisory(lock, "SELECT pg_advisory_unlock(?)");
			}
		}
		catch (SQLException e) {
			throw new IllegalStateException(e);
		}
	}

	/**
	 * {matched, created} over every programme, matched on {@link #parts} connections at once, the costliest rules
	 * first so that the cheap ones fill in behind them. Each programme reads only the registers its rule names, so
	 * no two connections build the same hash of a register. This transaction holds {@link Matcher#OFFERS_LOCK} until the
	 * programmes have committed (no incremental match inserts meanwhile, and those that held it before have
	 * committed), then exports its snapshot, which each programme's transaction imports.
	 */
	private long[] matchInParts(List<Rule> rules, LocalDate today) {
		jdbc.sql("SELECT pg_advisory_xact_lock(?)").param(Matcher.OFFERS_LOCK).query((rs, i) -> 1).list();
		String snapshot = jdbc.sql("SELECT pg_export_snapshot()").query(String.class).single();
		if (!snapshot.matches("[0-9A-F-]+")) {
			throw new IllegalStateException("unexpected snapshot id " + snapshot);
		}
		List<Rule> costliestFirst = new ArrayList<>(rules);
		costliestFirst.sort(Comparator.comparingInt(RuleLanguage::cost).reversed());
		ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(parts, rules.size())),
				task -> new Thread(task, "benefits-full-run"));
		try {
			List<Future<long[]>> results = new ArrayList<>();
			for (Rule rule : costliestFirst) {
				results.add(pool.submit(() -> inSnapshot.execute(tx -> {
					jdbc.sql("SET TRANSACTION SNAPSHOT '" + snapshot + "'").update();
					// each register the rule names is hashed once for millions of probes: in memory rather than spilled
					jdbc.sql("SET LOCAL work_mem = '256MB'").update();
					eligible(rule, today);
					return offer(rule, today);
				})));
			}
			long[] counts = new long[2];
			RuntimeException failed = null;
			for (Future<long[]> result : results) {
				try {
					long[] programme = result.get();
					counts[0] += programme[0];
					counts[1] += programme[1];
				}
				catch (ExecutionException e) {
					failed = failed != null ? failed : e.getCause() instanceof RuntimeException r ? r
							: new IllegalStateException(e.getCause());
				}
				catch (InterruptedException e) {
					Thread.currentThread().interrupt();
					throw new IllegalStateException(e);
				}
			}
			if (failed != null) {
				throw failed;
			}
			return counts;
		}
		finally {
			pool.shutdown();
		}
	}

	private static boolean advisory(Connection connection, String sql) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			statement.setLong(1, RUN_LOCK);
			try (ResultSet rs = statement.executeQuery()) {
				rs.next();
				return rs.getBoolean(1);
			}
		}
	}

	/** Offers of past years that were never served lapse. */
	private void expire(LocalDate today) {
		jdbc.sql("UPDATE benefits_entitlement SET status = 'EXPIRED', decided_at = ? "
				+ "WHERE cycle < ? AND status IN ('PENDING', 'NOTIFIED', 'BOOKED')")
			.params(Timestamp.from(clock.instant()), today.getYear()).update();
	}

	/**
	 * The rule in force for each programme, read once per run: the rule that selects a person and the version
	 * recorded on their offer are then the same even if a new version is saved while the run goes on.
	 */
	private List<Rule> rulesInForce(LocalDate today) {
		return programmes.all().stream().map(p -> programmes.current(p.code(), today)).toList();
	}

	/**
	 * Everyone the rule selects, less those who opted out, in one scan of the facts: a temporary table dropped at
	 * commit. The rule stops at its first false clause, so most residents cost a few comparisons and hash probes.
	 */
	private void eligible(Rule rule, LocalDate today) {
		Map<String, Object> params = new HashMap<>();
		params.put("today", today);
		params.put("yearStart", today.withDayOfYear(1));
		params.put("programme", rule.programme());
		String condition = RuleLanguage.sql(RuleLanguage.compile(rule), "c", params);
		// OFFSET 0 keeps the subquery whole: the rule is evaluated in its select list, clause by clause, rather than
		// planned as joins of every register it names to everyone (measured slower)
		jdbc.sql("""
				CREATE TEMP TABLE benefits_eligible ON COMMIT DROP AS
				SELECT id_number, street, age FROM (
				  SELECT f.id_number, f.street, f.age, %s AS selected FROM (%s) f OFFSET 0) m
				WHERE selected AND NOT %s
				""".formatted(condition, Facts.relation(false), Matcher.optedOut("m.id_number", ":programme"))).params(params)
			.update();
	}

	/**
	 * Whom the full run selects, per programme (opt-outs left out), computed in a transaction that is rolled back:
	 * the agreement test holds it against the per-person SQL and so, through that, against CEL.
	 */
	Map<String, Set<String>> selected() {
		LocalDate today = LocalDate.now(clock);
		Map<String, Set<String>> selected = new HashMap<>();
		transactions.executeWithoutResult(tx -> {
			for (Rule rule : rulesInForce(today)) {
				eligible(rule, today);
				selected.put(rule.programme(), new HashSet<>(
						jdbc.sql("SELECT id_number FROM benefits_eligible").query(String.class).list()));
				jdbc.sql("DROP TABLE benefits_eligible").update();
			}
			tx.setRollbackOnly();
		});
		return selected;
	}

	/**
	 * {matched, created}: an offer for this cycle to each person the rule selects, in one statement in the order of
	 * the offers' unique index (ID number first), leaving out those made before. No incremental match inserts
	 * meanwhile (each waits for {@link Matcher#OFFERS_LOCK}, held for the full run until it commits, and one that held it
	 * first has committed before the run's snapshot), so the insert needs no ON CONFLICT and its speculative
	 * insertion (an extra WAL record per offer). Hash joins only: the statistics of the offers may say the table is
	 * empty when a run before this one has just filled it, and a nested loop over a table thought empty would scan
	 * a million offers per person.
	 */
	private long[] offer(Rule rule, LocalDate today) {
		Map<String, Object> params = new HashMap<>();
		params.put("programme", rule.programme());
		params.put("version", rule.version());
		params.put("cycle", today.getYear());
		params.put("now", Timestamp.from(clock.instant()));
		jdbc.sql("ANALYZE benefits_eligible").update();
		jdbc.sql("SET LOCAL enable_nestloop = off").update();
		long matched = jdbc.sql("SELECT count(*) FROM benefits_eligible").query(Long.class).single();
		long created = jdbc.sql("""
				INSERT INTO benefits_entitlement (id, programme_code, id_number, cycle, status, rule_version, street,
				                                  age_band, created_at)
				SELECT %s, :programme, e.id_number, :cycle, 'PENDING', :version, e.street, %s, :now
				FROM benefits_eligible e
				WHERE NOT EXISTS (SELECT 1 FROM benefits_entitlement x WHERE x.id_number = e.id_number
				                  AND x.programme_code = :programme AND x.cycle = :cycle)
				ORDER BY e.id_number COLLATE "C"
				""".formatted(Matcher.NEW_OFFER_ID, Facts.ageBandSql("e.age"))).params(params).update();
		return new long[] {matched, created};
	}
}
