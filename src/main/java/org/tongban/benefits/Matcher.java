package org.tongban.benefits;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The bulk matcher for the people a change concerns (one INSERT … SELECT … ON CONFLICT DO NOTHING per programme,
 * in one statement), for one rule over a few people (the agreement test and the explainer) and for a draft rule
 * over everyone (a dry run); the full run over everyone is {@link FullRun}. An offer exists once per person,
 * programme and year, so a second match, or a match after a rule change, creates and notifies nobody again.
 */
@Service
class Matcher {

	/**
	 * Held by a full run while its programmes are matched and offered, until they have committed; shared by every
	 * incremental match: the full run's insert then needs no ON CONFLICT, and an incremental match waits seconds at most.
	 */
	static final long OFFERS_LOCK = FullRun.RUN_LOCK + 1;
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

	/** What a draft rule would change, per street/town and age band. */
	record DryRunRow(String street, String ageBand, long eligible, long gained, long lost) {
	}

	private final JdbcClient jdbc;
	private final Programmes programmes;
	private final Delivery delivery;
	private final TransactionTemplate transactions;
	private final TransactionTemplate readOnly;
	private final Clock clock;

	Matcher(JdbcClient jdbc, Programmes programmes, Delivery delivery, TransactionTemplate transactions, Clock clock) {
		this.jdbc = jdbc;
		this.programmes = programmes;
		this.delivery = delivery;
		this.transactions = new TransactionTemplate(transactions.getTransactionManager());
		this.readOnly = new TransactionTemplate(transactions.getTransactionManager());
		this.readOnly.setReadOnly(true);
		this.clock = clock;
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

	/** Whether the person has declined the programme, or all proactive contact: the matcher skips them. */
	static String optedOut(String idNumber, String programme) {
		return "EXISTS (SELECT 1 FROM benefits_opt_out o WHERE o.id_number = %s AND o.programme_code IN ('*', %s))"
			.formatted(idNumber, programme);
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
