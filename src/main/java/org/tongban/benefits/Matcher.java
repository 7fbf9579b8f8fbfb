package org.tongban.benefits;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.tongban.shared.Problem;

/**
 * The bulk matcher: each programme's rule in force, translated into SQL, run set-wise over the facts of everyone
 * (or of the people a change concerns) as one INSERT … SELECT … ON CONFLICT DO NOTHING. An offer exists once per
 * person, programme and year, so a second run, or a run after a rule change, creates and notifies nobody again.
 * One full run at a time across all instances: a PostgreSQL advisory lock, a second run is refused.
 */
@Service
class Matcher {

	private static final Log log = LogFactory.getLog(Matcher.class);
	/** The advisory lock key of full runs ("benefits" in ASCII, as a number). */
	static final long RUN_LOCK = 0x62656e6566697473L;

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

	Matcher(JdbcClient jdbc, DataSource dataSource, Programmes programmes, Delivery delivery,
			TransactionTemplate transactions, Clock clock, ReformFigures figures) {
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

	/** A full run of every programme; refused with 409 while another full run holds the lock. */
	RunResult fullRun(String by) {
		long started = System.nanoTime();
		try (Connection lock = dataSource.getConnection()) {
			if (!advisory(lock, "SELECT pg_try_advisory_lock(?)")) {
				throw Problem.conflict("另一次全量匹配正在进行，请等它结束后再试。");
			}
			try {
				LocalDate today = LocalDate.now(clock);
				UUID id = UUID.randomUUID();
				long[] counts = transactions.execute(tx -> {
					jdbc.sql("INSERT INTO benefits_run (id, started_by, started_at, today) VALUES (?, ?, ?, ?)")
						.params(id, by, Timestamp.from(clock.instant()), today).update();
					expire(today);
					// the facts' aggregates over millions of rows: hashed in memory rather than spilled to disk
					jdbc.sql("SET LOCAL work_mem = '256MB'").update();
					return matchAll(today, null);
				});
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
		long[] totals = transactions.execute(tx -> matchAll(today, idNumbers));
		long notified = delivery.notifyPending(idNumbers);
		return new long[] {totals[0], totals[1], notified};
	}

	/**
	 * {matched, created} over every programme, for everyone ({@code ids} null: a full run) or for a few people (a change
	 * event), in one statement: one pass over the facts gives each person the programmes whose rules hold, and one INSERT
	 * creates the offers they do not hold yet. Nothing is materialised but the eligible pairs, so a full run streams
	 * the facts of millions of people once, and a change event costs one round trip.
	 */
	private long[] matchAll(LocalDate today, List<String> ids) {
		Map<String, Object> params = new HashMap<>();
		params.put("today", today);
		params.put("yearStart", today.withDayOfYear(1));
		params.put("cycle", today.getYear());
		params.put("now", Timestamp.from(clock.instant()));
		if (ids != null) {
			params.put("ids", ids);
		}
		List<String> codes = new ArrayList<>();
		List<String> versions = new ArrayList<>();
		int n = 0;
		for (Programme p : programmes.all()) {
			Rule rule = programmes.current(p.code(), today);
			String condition = RuleLanguage.sql(RuleLanguage.compile(rule), "c" + n + "_", params);
			params.put("programme" + n, p.code());
			params.put("version" + n, rule.version());
			codes.add("CASE WHEN " + condition + " THEN CAST(:programme" + n + " AS text) END");
			versions.add("CAST(:version" + n + " AS int)");
			n++;
		}
		String sql = """
				WITH eligible AS MATERIALIZED (
				  SELECT f.id_number, f.street, %s AS age_band, u.code, u.version
				  FROM (%s) f
				  CROSS JOIN LATERAL unnest(ARRAY[%s], ARRAY[%s]) AS u(code, version)
				  WHERE u.code IS NOT NULL
				    AND NOT EXISTS (SELECT 1 FROM benefits_opt_out o WHERE o.id_number = f.id_number
				                    AND o.programme_code IN ('*', u.code))
				), created AS (
				  INSERT INTO benefits_entitlement (id, programme_code, id_number, cycle, status, rule_version, street,
				                                    age_band, created_at)
				  SELECT gen_random_uuid(), e.code, e.id_number, :cycle, 'PENDING', e.version, e.street, e.age_band, :now
				  FROM eligible e
				  ON CONFLICT (programme_code, id_number, cycle) DO NOTHING
				  RETURNING 1
				)
				SELECT (SELECT count(*) FROM eligible) AS matched, (SELECT count(*) FROM created) AS created
				""".formatted(Facts.ageBandSql("f.age"), Facts.relation(ids != null), String.join(", ", codes),
				String.join(", ", versions));
		return jdbc.sql(sql).params(params)
			.query((rs, i) -> new long[] {rs.getLong("matched"), rs.getLong("created")}).single();
	}

	/** Offers of past years that were never served lapse. */
	private void expire(LocalDate today) {
		jdbc.sql("UPDATE benefits_entitlement SET status = 'EXPIRED', decided_at = ? "
				+ "WHERE cycle < ? AND status IN ('PENDING', 'NOTIFIED', 'BOOKED')")
			.params(Timestamp.from(clock.instant()), today.getYear()).update();
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
		String sql = """
				SELECT f.street, %s AS age_band,
				       count(*) FILTER (WHERE %s) AS eligible,
				       count(*) FILTER (WHERE (%s) AND NOT (%s)) AS gained,
				       count(*) FILTER (WHERE (%s) AND NOT (%s)) AS lost
				FROM (%s) f
				GROUP BY 1, 2
				HAVING count(*) FILTER (WHERE %s) > 0 OR count(*) FILTER (WHERE %s) > 0
				ORDER BY 1, 2
				""".formatted(Facts.ageBandSql("f.age"), next, next, now, now, next, Facts.relation(false), next, now);
		List<DryRunRow> rows = new ArrayList<>();
		readOnly.executeWithoutResult(tx -> rows.addAll(jdbc.sql(sql).params(params)
			.query((rs, i) -> new DryRunRow(rs.getString("street"), rs.getString("age_band"), rs.getLong("eligible"),
					rs.getLong("gained"), rs.getLong("lost")))
			.list()));
		return rows;
	}
}
