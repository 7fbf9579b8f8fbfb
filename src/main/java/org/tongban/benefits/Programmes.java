package org.tongban.benefits;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongban.shared.AuditTrail;
import org.tongban.shared.FieldMessage;
import org.tongban.shared.Problem;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The four programmes (from {@code data/benefits/programmes.yml}) and their rule versions (in the database, seeded
 * from the file when a programme has none). The rule in force is the latest version effective on or before today.
 */
@Service
class Programmes {

	private final JdbcClient jdbc;
	private final JsonMapper json;
	private final Clock clock;
	private final AuditTrail audit;
	private final Map<String, Programme> programmes = new LinkedHashMap<>();
	private final Map<String, Rule> seeds = new LinkedHashMap<>();

	Programmes(JdbcClient jdbc, JsonMapper json, Clock clock, AuditTrail audit) {
		this.jdbc = jdbc;
		this.json = json;
		this.clock = clock;
		this.audit = audit;
		load();
	}

	@SuppressWarnings("unchecked")
	private void load() {
		try (InputStream in = new ClassPathResource("data/benefits/programmes.yml").getInputStream()) {
			Map<String, Object> root = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
			for (Map<String, Object> p : (List<Map<String, Object>>) root.get("programmes")) {
				String code = (String) p.get("code");
				programmes.put(code, new Programme(code, (String) p.get("name"), (String) p.get("division"),
						(String) p.get("basis"), (String) p.get("service"), List.copyOf((List<String>) p.get("institutions"))));
				List<Rule.Clause> clauses = new ArrayList<>();
				for (Map<String, Object> c : (List<Map<String, Object>>) p.get("clauses")) {
					clauses.add(new Rule.Clause((String) c.get("id"), (String) c.get("label"),
							String.valueOf(c.get("expression")), (String) c.get("basis")));
				}
				Object from = p.get("effectiveFrom");
				LocalDate effective = from instanceof java.util.Date d
						? d.toInstant().atZone(java.time.ZoneOffset.UTC).toLocalDate() : LocalDate.parse(String.valueOf(from));
				Rule seed = new Rule(code, 1, effective, List.copyOf(clauses));
				RuleLanguage.compile(seed);
				seeds.put(code, seed);
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** Seeds version 1 of each programme's rule when the database holds none for it. */
	@Transactional
	void seedRules() {
		for (Rule seed : seeds.values()) {
			jdbc.sql("""
					INSERT INTO benefits_rule (programme_code, version, effective_from, clauses, saved_by, saved_at)
					SELECT ?, 1, ?, CAST(? AS jsonb), 'data/benefits/programmes.yml', ?
					WHERE NOT EXISTS (SELECT 1 FROM benefits_rule WHERE programme_code = ?)
					""")
				.params(seed.programme(), seed.effectiveFrom(), json.writeValueAsString(seed.clauses()),
						Timestamp.from(clock.instant()), seed.programme())
				.update();
		}
	}

	List<Programme> all() {
		return List.copyOf(programmes.values());
	}

	Optional<Programme> byCode(String code) {
		return Optional.ofNullable(programmes.get(code));
	}

	Programme get(String code) {
		return byCode(code).orElseThrow(() -> Problem.notFound("没有编号为 " + code + " 的免申即享项目。"));
	}

	/** The rule in force on {@code day}. */
	Rule current(String code, LocalDate day) {
		return jdbc.sql("""
				SELECT version, effective_from, clauses FROM benefits_rule
				WHERE programme_code = ? AND effective_from <= ? ORDER BY effective_from DESC, version DESC LIMIT 1
				""")
			.params(code, day)
			.query((rs, i) -> new Rule(code, rs.getInt("version"), rs.getObject("effective_from", LocalDate.class),
					clauses(rs.getString("clauses"))))
			.optional()
			.orElse(seeds.get(code));
	}

	Rule current(String code) {
		return current(code, LocalDate.now(clock));
	}

	List<Rule> versions(String code) {
		return jdbc.sql("SELECT version, effective_from, clauses FROM benefits_rule WHERE programme_code = ? ORDER BY version")
			.param(code)
			.query((rs, i) -> new Rule(code, rs.getInt("version"), rs.getObject("effective_from", LocalDate.class),
					clauses(rs.getString("clauses"))))
			.list();
	}

	/** Saves a new version; a rule that does not compile (or names an unknown fact) is refused with its positions. */
	@Transactional
	Rule save(String code, LocalDate effectiveFrom, List<Rule.Clause> clauses, String by) {
		get(code);
		if (effectiveFrom == null) {
			throw Problem.invalid(List.of(new FieldMessage("effectiveFrom", "请填写生效日期")));
		}
		Rule draft = new Rule(code, 0, effectiveFrom, clauses);
		RuleLanguage.compile(draft);
		seedRules();
		jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('benefits-rule-' || ?))").param(code).query((rs, i) -> 1).list();
		int version = jdbc.sql("SELECT COALESCE(max(version), 0) + 1 FROM benefits_rule WHERE programme_code = ?")
			.param(code).query(Integer.class).single();
		jdbc.sql("INSERT INTO benefits_rule (programme_code, version, effective_from, clauses, saved_by, saved_at) "
				+ "VALUES (?, ?, ?, CAST(? AS jsonb), ?, ?)")
			.params(code, version, effectiveFrom, json.writeValueAsString(clauses), by, Timestamp.from(clock.instant()))
			.update();
		audit.record("BENEFITS_RULE_SAVED", "benefits_rule", code + "/" + version, Map.of(),
				Map.of("effectiveFrom", effectiveFrom.toString(), "clauses", clauses.size()));
		return new Rule(code, version, effectiveFrom, List.copyOf(clauses));
	}

	private List<Rule.Clause> clauses(String text) {
		return json.readValue(text, new TypeReference<List<Rule.Clause>>() {
		});
	}
}
