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
 * The bulk matcher: each programme's rule in force, translated into SQL, run set-wise over the facts of everyone
 * (a full run: a transaction per programme, a few at once, each one scan of the population register, then one
 * INSERT … SELECT of the new offers) or of the people a
 * change concerns (one INSERT … SELECT … ON CONFLICT DO NOTHING per programme, in one statement). An offer exists
 * once per person, programme and year, so a second run, or a run after a rule change, creates and notifies nobody
 * again. One full run at a time across all instances: a PostgreSQL advisory lock, a second run is refused.
 */
@Service
class Matcher {

	private static final Log log = LogFactory.getLog(Matcher.class);
	/** The advisory lock key of full runs ("benefits" in ASCII, as a number). */
	static final long RUN_LOCK = 0x62656e6566697473L;
	/**
	 * Held by a full run while its programmes are matched and offered, until they have committed; shared by every
	 * incremental match: the full run's insert then needs no ON CONFLICT, and an incremental match waits seconds at most.
	 */
	static final long OFFERS_LOCK = RUN_LOCK + 1;
	/**
	 * An offer's id in SQL: a version 7 UUID (RFC 9562: the Unix time in milliseconds, then 74 random bits), so that a
	 * run's million new ids go to the right edge of the primary key's index rather than to random pages of it
	 * (measured on the server: 7.7 s -> 6.5 s for a million offers). The random bits come from random(), not
	 * gen_random_uuid(), whose strong randomness cost 2.5-3.8 µs per offer, a third of the insert: an offer's id is
	 * not a secret (whoever reads or books an offer is checked to own it), only unique, and the primary key refuses
	 * a repeat. The time is the database's wall clock: it orders ids and is never read as a date.
	 */
	static final String NEW_OFFER_ID = "CAST(lpad(to_hex((CAST(floor(date_part('epoch', clock_timestamp()) * 1000) AS bigint) << 16) "
			+ "| 28672 | CAST(floor(random() * 4096) AS bigint)), 16, '0') "
			+ "|| to_hex((CAST(1 AS bigint) << 63) | (CAST(floor(random() * 2147483648) AS bigint) << 31) "
			+ "| CAST(floor(random() * 2147483648) AS bigint)) AS uuid)";

	record RunResult(UUID id, long matched, long created, long notified, double seconds) {
	}

	/** What a draft rule would change, per street/town and age band. */
	record DryRunRow(String street, String ageBand, long eligible, long gained, long lost) {
	}

	private final JdbcClient jdbc;
	private final DataSource dataSource;
	private final Programmes programmes;
	private final Delivery delivery;
	private final TransactionTemplate transactions;
	private final TransactionTemplate readOnly;
	private final Clock clock;
	private final ReformFigures figures;
	/** The transactions a full run is made in at once (the database's cores it may use). */
	private final int parts;
	private final TransactionTemplate inSnapshot;

	Matcher(JdbcClient jdbc, DataSource dataSource, Programmes programmes, Delivery delivery,
			TransactionTemplate transactions, Clock clock, ReformFigures figures,
			@Value("${tongban.benefits.match-parts:2}") int parts) {
		if (parts < 1) {
			throw new IllegalArgumentException("tongban.benefits.match-parts must be at least 1");
		}
		this.parts = parts;
		this.inSnapshot = new TransactionTemplate(transactions.getTransactionManager());
		this.inSnapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
		this.figures = figures;
		this.jdbc = jdbc;
		this.dataSource = dataSource;
		this.programmes = programmes;
		this.delivery = delivery;
		this.transactions = new TransactionTemplate(transactions.getTransactionManager());
		this.readOnly = new TransactionTemplate(transactions.getTransactionManager());
		this.readOnly.setReadOnly(true);
		this.clock = clock;
	}

	/**
	 * A full run of every programme; refused with 409 while another full run holds the lock. Each programme is
	 * matched in a transaction of its own, {@link #parts} of them at once, all reading one snapshot (exported by the
	 * transaction that holds {@link #OFFERS_LOCK} for them), so that the run sees the registers as they were at one
	 * moment whatever changes meanwhile. A programme's offers are made all or none: one that fails leaves those of
	 * the programmes that committed, whole and right, and the next run, finding them, makes only the rest.
	 */
	RunResult fullRun(String by) {
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
	 * no two connections build the same hash of a register. This transaction holds {@link #OFFERS_LOCK} until the
	 * programmes have committed (no incremental match inserts meanwhile, and those that held it before have
	 * committed), then exports its snapshot, which each programme's transaction imports.
	 */
	private long[] matchInParts(List<Rule> rules, LocalDate today) {
		jdbc.sql("SELECT pg_advisory_xact_lock(?)").param(OFFERS_LOCK).query((rs, i) -> 1).list();
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

	/** Re-evaluates only these people (after a change event): creates their new offers and notifies them. */
	long[] rematch(List<String> idNumbers) {
		if (idNumbers.isEmpty()) {
			return new long[] {0, 0, 0};
		}
		LocalDate today = LocalDate.now(clock);
		long[] totals = transactions.execute(tx -> {
			// a full run inserting its offers (without ON CONFLICT) holds this until it commits: wait for it
			jdbc.sql("SELECT pg_advisory_xact_lock_shared(?)").param(OFFERS_LOCK).query((rs, i) -> 1).list();
			return matchEveryProgramme(today, idNumbers);
		});
		long notified = delivery.notifyPending(idNumbers);
		return new long[] {totals[0], totals[1], notified};
	}

	/**
	 * {matched, created} over every programme for a few people, in one statement: their facts once, then one
	 * INSERT per programme over them (data-modifying CTEs), so that a change event costs one round trip.
	 */
	private long[] matchEveryProgramme(LocalDate today, List<String> ids) {
		Map<String, Object> params = new HashMap<>();
		params.put("today", today);
		params.put("yearStart", today.withDayOfYear(1));
		params.put("ids", ids);
		params.put("cycle", today.getYear());
		params.put("now", Timestamp.from(clock.instant()));
		StringBuilder sql = new StringBuilder("WITH f AS MATERIALIZED (").append(Facts.relation(true)).append(")");
		List<String> counts = new ArrayList<>();
		int n = 0;
		for (Programme p : programmes.all()) {
			Rule rule = programmes.current(p.code(), today);
			String condition = RuleLanguage.sql(RuleLanguage.compile(rule), "c" + n + "_", params);
			params.put("programme" + n, p.code());
			params.put("version" + n, rule.version());
			sql.append(",\n").append("""
					e%1$d AS (
					  SELECT f.id_number, f.street, %2$s AS age_band FROM f
					  WHERE %3$s AND NOT %5$s
					), i%1$d AS (
					  INSERT INTO benefits_entitlement (id, programme_code, id_number, cycle, status, rule_version, street,
					                                    age_band, created_at)
					  SELECT %4$s, :programme%1$d, e.id_number, :cycle, 'PENDING', :version%1$d, e.street, e.age_band, :now
					  FROM e%1$d e
					  ON CONFLICT (programme_code, id_number, cycle) DO NOTHING
					  RETURNING 1
					)""".formatted(n, Facts.ageBandSql("f.age"), condition, NEW_OFFER_ID,
					optedOut("f.id_number", ":programme" + n)));
			counts.add("(SELECT count(*) FROM e" + n + ")");
			counts.add("(SELECT count(*) FROM i" + n + ")");
			n++;
		}
		sql.append("\nSELECT ").append(String.join(", ", counts));
		return jdbc.sql(sql.toString()).params(params).query((rs, i) -> {
			long matched = 0;
			long created = 0;
			for (int c = 1; c <= rs.getMetaData().getColumnCount(); c += 2) {
				matched += rs.getLong(c);
				created += rs.getLong(c + 1);
			}
			return new long[] {matched, created};
		}).single();
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
				""".formatted(condition, Facts.relation(false), optedOut("m.id_number", ":programme"))).params(params)
			.update();
	}

	/** Whether the person has declined the programme, or all proactive contact: the matcher skips them. */
	private static String optedOut(String idNumber, String programme) {
		return "EXISTS (SELECT 1 FROM benefits_opt_out o WHERE o.id_number = %s AND o.programme_code IN ('*', %s))"
			.formatted(idNumber, programme);
	}

	/**
	 * Whom the full run selects, per programme (opt-outs left out), computed in a transaction that is rolled back:
	 * the agreement test holds it against the per-person SQL and so, through that, against CEL.
	 */
	Map<String, Set<String>> selectedByFullRun() {
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
	 * meanwhile (each waits for {@link #OFFERS_LOCK}, held for the full run until it commits, and one that held it
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
				""".formatted(NEW_OFFER_ID, Facts.ageBandSql("e.age"))).params(params).update();
		return new long[] {matched, created};
	}

	/** Who among {@code ids} the rule selects, by the SQL translation (for the agreement test and the explainer). */
	List<String> eligibleAmong(Rule rule, List<String> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		LocalDate today = LocalDate.now(clock);
		Map<String, Object> params = new HashMap<>();
		String condition = RuleLanguage.sql(RuleLanguage.compile(rule), "c", params);
		params.put("today", today);
		params.put("yearStart", today.withDayOfYear(1));
		params.put("ids", ids);
		return jdbc.sql("SELECT f.id_number FROM (" + Facts.relation(true) + ") f WHERE " + condition)
			.params(params).query(String.class).list();
	}

	/**
	 * Who would newly qualify and who would lose eligibility if {@code draft} replaced the rule in force, by
	 * street/town and age band. Runs in a read-only transaction: it cannot write.
	 */
	List<DryRunRow> dryRun(Rule draft) {
		List<RuleLanguage.Compiled> compiledDraft = RuleLanguage.compile(draft);
		LocalDate today = LocalDate.now(clock);
		Rule current = programmes.current(draft.programme(), today);
		Map<String, Object> params = new HashMap<>();
		String now = RuleLanguage.sql(RuleLanguage.compile(current), "c", params);
		String next = RuleLanguage.sql(compiledDraft, "d", params);
		params.put("today", today);
		params.put("yearStart", today.withDayOfYear(1));
		// each rule evaluated once per person (OFFSET 0 keeps the subquery whole), only those either selects counted
		String sql = """
				SELECT street, age_band,
				       count(*) FILTER (WHERE n) AS eligible,
				       count(*) FILTER (WHERE n AND NOT c) AS gained,
				       count(*) FILTER (WHERE c AND NOT n) AS lost
				FROM (SELECT f.street, %s AS age_band, %s AS n, %s AS c FROM (%s) f OFFSET 0) x
				WHERE n OR c
				GROUP BY 1, 2
				ORDER BY 1, 2
				""".formatted(Facts.ageBandSql("f.age"), next, now, Facts.relation(false));
		List<DryRunRow> rows = new ArrayList<>();
		readOnly.executeWithoutResult(tx -> {
			jdbc.sql("SET LOCAL work_mem = '256MB'").update();
			rows.addAll(jdbc.sql(sql).params(params)
			.query((rs, i) -> new DryRunRow(rs.getString("street"), rs.getString("age_band"), rs.getLong("eligible"),
					rs.getLong("gained"), rs.getLong("lost")))
				.list());
		});
		return rows;
	}
}
