package org.tongban.benefits;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.tongban.shared.Problem;

/**
 * The per-person evaluator: the same rule, evaluated by the CEL runtime on facts derived in Java from the
 * person's register entries, clause by clause, naming the data each clause read (source and date).
 */
@Service
class Explainer {

	/** One fact as a clause read it. */
	record FactUsed(String name, String label, Object value, String detail, String source, LocalDate recordedOn) {
	}

	record ClauseResult(String id, String label, String expression, String basis, boolean held, List<FactUsed> facts) {
	}

	record Explanation(String programme, String programmeName, int ruleVersion, LocalDate effectiveFrom, LocalDate asOf,
			boolean eligible, boolean rulesHold, boolean optedOut, String entitlementStatus, List<ClauseResult> clauses) {
	}

	private final Registers registers;
	private final Programmes programmes;
	private final JdbcClient jdbc;
	private final Clock clock;

	Explainer(Registers registers, Programmes programmes, JdbcClient jdbc, Clock clock) {
		this.registers = registers;
		this.programmes = programmes;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	Explanation explain(String idNumber, String code) {
		Programme programme = programmes.get(code);
		LocalDate today = LocalDate.now(clock);
		Rule rule = programmes.current(code, today);
		Registers.PersonFile file = registers.file(idNumber)
			.orElseThrow(() -> Problem.notFound("人口库中没有此身份证号码的居民。"));
		return explain(programme, rule, file, today);
	}

	/** Whether the rule holds for this person by the CEL runtime (the agreement test's other side). */
	boolean holds(Rule rule, Registers.PersonFile file, LocalDate today) {
		Map<String, Object> values = values(Facts.of(file, today));
		return RuleLanguage.compile(rule).stream().allMatch(c -> RuleLanguage.holds(c, values));
	}

	private Explanation explain(Programme programme, Rule rule, Registers.PersonFile file, LocalDate today) {
		Map<String, Facts.Evidence> facts = Facts.of(file, today);
		Map<String, Object> values = values(facts);
		List<ClauseResult> results = new ArrayList<>();
		boolean all = true;
		for (RuleLanguage.Compiled c : RuleLanguage.compile(rule)) {
			boolean held = RuleLanguage.holds(c, values);
			all &= held;
			List<FactUsed> used = new ArrayList<>();
			for (String name : c.facts()) {
				Fact fact = Facts.named(name).orElseThrow();
				Facts.Evidence e = facts.get(name);
				used.add(new FactUsed(name, fact.label(), e.value(), e.detail(), e.source(), e.recordedOn()));
			}
			results.add(new ClauseResult(c.clause().id(), c.clause().label(), c.clause().expression(), c.clause().basis(),
					held, used));
		}
		String id = file.person().idNumber();
		boolean optedOut = jdbc.sql("SELECT count(*) FROM benefits_opt_out WHERE id_number = ? AND programme_code IN ('*', ?)")
			.params(id, programme.code()).query(Long.class).single() > 0;
		String status = jdbc.sql("SELECT status FROM benefits_entitlement WHERE id_number = ? AND programme_code = ? AND cycle = ?")
			.params(id, programme.code(), today.getYear()).query(String.class).optional().orElse(null);
		return new Explanation(programme.code(), programme.name(), rule.version(), rule.effectiveFrom(), today,
				all && !optedOut, all, optedOut, status, results);
	}

	static Map<String, Object> values(Map<String, Facts.Evidence> facts) {
		Map<String, Object> values = new LinkedHashMap<>();
		facts.forEach((k, v) -> values.put(k, v.value()));
		return values;
	}
}
