package org.tongban.supervision;

import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongban.shared.AuditTrail;
import org.tongban.shared.FieldMessage;
import org.tongban.shared.Problem;

import tools.jackson.databind.json.JsonMapper;

/**
 * 双随机、一公开: a plan fixes the register snapshot, the qualified pool, the conflicts and the seed; the one draw
 * of the plan runs {@link DrawAlgorithm} over them. A second draw is refused; later changes are {@link Overrides}.
 */
@Service
public class Draws {

	/** What a planner asks for; {@code publicValue} is the value announced in advance (generated when absent). */
	public record PlanRequest(String sector, String period, Map<String, Integer> ratios, String publicValue) {
	}

	/** One drawn inspection as the draw made it, and as it stands after overrides. */
	public record Drawn(int seq, String uscc, String name, String grade, List<String> drawn, List<String> current) {
	}

	/** A draw with its plan and result. */
	public record Draw(UUID id, Plan plan, String seed, String algorithm, Instant drawnAt, String drawnBy,
			List<Drawn> inspections) {
	}

	private static final java.util.regex.Pattern PERIOD = java.util.regex.Pattern
		.compile("20\\d{2}(-(Q[1-4]|H[12]|0[1-9]|1[0-2]))?");

	private final JdbcClient jdbc;
	private final Inspectors inspectors;
	private final AuditTrail audit;
	private final JsonMapper json;
	private final Clock clock;
	private final SecureRandom random = new SecureRandom();

	Draws(JdbcClient jdbc, Inspectors inspectors, AuditTrail audit, JsonMapper json, Clock clock) {
		this.jdbc = jdbc;
		this.inspectors = inspectors;
		this.audit = audit;
		this.json = json;
		this.clock = clock;
	}

	/** Makes and publishes a plan: its inputs snapshot, plan hash and seed; refused with every reason at once. */
	@Transactional
	public Plan plan(PlanRequest request, String actor) {
		List<FieldMessage> errors = new ArrayList<>();
		Optional<Sector> sector = Optional.ofNullable(request.sector()).flatMap(Sector::of);
		if (sector.isEmpty()) {
			errors.add(new FieldMessage("sector", request.sector() == null || request.sector().isBlank() ? "请选择行业"
					: "未知的行业“" + request.sector() + "”，应为 PUBLIC_PLACE、MEDICAL、MEDICAL_BEAUTY、DRINKING_WATER、DISINFECTION、OCCUPATIONAL 之一"));
		}
		if (request.period() == null || !PERIOD.matcher(request.period()).matches()) {
			errors.add(new FieldMessage("period", "抽查期间应写成年度（2026）、季度（2026-Q1）、半年（2026-H1）或月份（2026-03）"));
		}
		Map<String, Integer> ratios = new LinkedHashMap<>();
		Map<String, Integer> given = request.ratios() == null ? Map.of() : request.ratios();
		for (String key : given.keySet()) {
			if (!DrawAlgorithm.CLASSES.contains(key)) {
				errors.add(new FieldMessage("ratios." + key, "没有“" + key + "”类，抽查比例只按 A、B、C、D 四类设定"));
			}
		}
		for (String grade : DrawAlgorithm.CLASSES) {
			Integer ratio = given.get(grade);
			if (ratio == null) {
				errors.add(new FieldMessage("ratios." + grade, "请填写 " + grade + " 类的抽查比例（0–100 的整数，单位 %）"));
			}
			else if (ratio < 0 || ratio > 100) {
				errors.add(new FieldMessage("ratios." + grade, grade + " 类的抽查比例为 " + ratio + "%，应在 0% 到 100% 之间"));
			}
			ratios.put(grade, ratio);
		}
		String publicValue = request.publicValue() == null || request.publicValue().isBlank()
				? HexFormat.of().formatHex(bytes(32))
				: request.publicValue().strip();
		if (publicValue.length() > 200) {
			errors.add(new FieldMessage("publicValue", "公开随机值不超过 200 个字符"));
		}
		List<String> pool = sector.map(inspectors::qualified).orElse(List.of());
		if (sector.isPresent() && pool.isEmpty()) {
			errors.add(new FieldMessage("sector", "“" + sector.get().label() + "”行业没有具备执法资格的在岗执法人员，无法抽取"));
		}
		else if (sector.isPresent() && pool.size() < 2) {
			errors.add(new FieldMessage("sector", "“" + sector.get().label() + "”行业只有 1 名具备执法资格的在岗执法人员，每户须两人检查"));
		}
		if (!errors.isEmpty()) {
			throw Problem.invalid(errors);
		}
		UUID id = UUID.randomUUID();
		List<DrawAlgorithm.Entity> entities = jdbc.sql(
				"SELECT uscc, class FROM supervision_entity WHERE sector = ? AND class IS NOT NULL ORDER BY uscc")
			.param(sector.get().name()).query((rs, i) -> new DrawAlgorithm.Entity(rs.getString(1), rs.getString(2))).list();
		List<DrawAlgorithm.Conflict> conflicts = jdbc.sql("""
				SELECT c.uscc, c.inspector_code FROM supervision_conflict c
				JOIN supervision_entity e ON e.uscc = c.uscc AND e.sector = ?
				WHERE c.inspector_code = ANY (?) ORDER BY c.uscc, c.inspector_code""")
			.params(sector.get().name(), pool.toArray(String[]::new))
			.query((rs, i) -> new DrawAlgorithm.Conflict(rs.getString(1), rs.getString(2))).list();
		DrawAlgorithm.Inputs inputs = new DrawAlgorithm.Inputs(id.toString(), sector.get().name(), request.period(),
				ratios, entities, pool, conflicts).sorted();
		String planHash = DrawAlgorithm.planHash(inputs);
		String seed = DrawAlgorithm.seed(publicValue, planHash);
		PublishedInputs published = new PublishedInputs(DrawAlgorithm.NAME, inputs.planId(), inputs.sector(),
				inputs.period(), ratios, publicValue, planHash, seed, inputs.entities(), inputs.inspectors(),
				inputs.conflicts());
		Instant now = clock.instant();
		jdbc.sql("""
				INSERT INTO supervision_plan (id, sector, period, ratios, public_value, plan_hash, seed, inputs,
				  entity_count, pool_size, created_by, created_at)
				VALUES (?, ?, ?, ?::jsonb, ?, ?, ?, ?::jsonb, ?, ?, ?, ?)""")
			.params(id, inputs.sector(), inputs.period(), json.writeValueAsString(ratios), publicValue, planHash, seed,
					json.writeValueAsString(published), entities.size(), pool.size(), actor, Timestamp.from(now))
			.update();
		audit.record("supervision.plan.create", "plan", id, null, Map.of("sector", inputs.sector(), "period",
				inputs.period(), "planHash", planHash, "seed", seed));
		return find(id).orElseThrow();
	}

	private byte[] bytes(int n) {
		byte[] b = new byte[n];
		random.nextBytes(b);
		return b;
	}

	public Optional<Plan> find(UUID id) {
		return jdbc.sql(PLAN_SELECT + " WHERE p.id = ?").param(id).query(this::plan).optional();
	}

	/** Every plan, newest first: all are public, drawn or not, so none can be quietly dropped and made again. */
	public List<Plan> plans() {
		return jdbc.sql(PLAN_SELECT + " ORDER BY p.created_at DESC, p.id").query(this::plan).list();
	}

	private static final String PLAN_SELECT = """
			SELECT p.id, p.sector, p.period, p.ratios::text AS ratios, p.public_value, p.plan_hash, p.seed,
			  p.entity_count, p.pool_size, p.created_at, d.id AS draw_id, d.drawn_at
			FROM supervision_plan p LEFT JOIN supervision_draw d ON d.plan_id = p.id""";

	private Plan plan(ResultSet rs, int i) throws SQLException {
		Map<String, Integer> ratios = new LinkedHashMap<>();
		json.readTree(rs.getString("ratios")).properties().forEach(e -> ratios.put(e.getKey(), e.getValue().asInt()));
		Map<String, Integer> ordered = new LinkedHashMap<>();
		DrawAlgorithm.CLASSES.forEach(c -> ordered.put(c, ratios.get(c)));
		Timestamp drawnAt = rs.getTimestamp("drawn_at");
		Sector sector = Sector.valueOf(rs.getString("sector"));
		return new Plan(rs.getObject("id", UUID.class), sector.name(), sector.label(), rs.getString("period"), ordered,
				rs.getString("public_value"), rs.getString("plan_hash"), rs.getString("seed"), rs.getInt("entity_count"),
				rs.getInt("pool_size"), rs.getTimestamp("created_at").toInstant(), rs.getObject("draw_id", UUID.class),
				drawnAt == null ? null : drawnAt.toInstant());
	}

	/** The published inputs of a plan, exactly as the verifier reads them. */
	public Optional<PublishedInputs> inputs(UUID planId) {
		return jdbc.sql("SELECT inputs::text FROM supervision_plan WHERE id = ?").param(planId).query(String.class)
			.optional().map(text -> json.readValue(text, PublishedInputs.class));
	}

	/** The one draw of a plan; a second is refused with 409. */
	@Transactional
	public Draw draw(UUID planId, String actor) {
		jdbc.sql("SELECT id FROM supervision_plan WHERE id = ? FOR UPDATE").param(planId).query(UUID.class).optional()
			.orElseThrow(() -> Problem.notFound("未找到该抽查计划。"));
		Optional<UUID> existing = jdbc.sql("SELECT id FROM supervision_draw WHERE plan_id = ?").param(planId)
			.query(UUID.class).optional();
		if (existing.isPresent()) {
			throw Problem.conflict("该计划已于抽取后公开，不能再次抽取；抽取后的变更只能以登记理由和审批人的调整进行。")
				.with("drawId", existing.get().toString());
		}
		PublishedInputs published = inputs(planId).orElseThrow();
		List<DrawAlgorithm.Pick> picks;
		try {
			picks = DrawAlgorithm.draw(published.seed(), published.inputs());
		}
		catch (DrawAlgorithm.TooFewInspectors e) {
			throw Problem.conflict("单位 " + e.uscc + " 的利益冲突名单排除后，具备资格的执法人员不足两名，无法抽取；请先调整执法人员名单后重新制定计划。");
		}
		UUID drawId = UUID.randomUUID();
		Instant now = clock.instant();
		jdbc.sql("INSERT INTO supervision_draw (id, plan_id, algorithm, drawn_by, drawn_at) VALUES (?, ?, ?, ?, ?)")
			.params(drawId, planId, DrawAlgorithm.NAME, actor, Timestamp.from(now)).update();
		int n = picks.size();
		UUID[] ids = new UUID[n];
		Integer[] seqs = new Integer[n];
		String[] usccs = new String[n];
		String[] grades = new String[n];
		String[] first = new String[n];
		String[] second = new String[n];
		for (int i = 0; i < n; i++) {
			DrawAlgorithm.Pick p = picks.get(i);
			ids[i] = UUID.randomUUID();
			seqs[i] = i + 1;
			usccs[i] = p.uscc();
			grades[i] = p.grade();
			first[i] = p.inspector1();
			second[i] = p.inspector2();
		}
		jdbc.sql("""
				INSERT INTO supervision_inspection (id, draw_id, seq, uscc, class, inspector1, inspector2, drawn1, drawn2)
				SELECT u.id, ?, u.seq, u.uscc, u.class, u.i1, u.i2, u.i1, u.i2
				FROM unnest(CAST(? AS uuid[]), CAST(? AS int[]), CAST(? AS text[]), CAST(? AS text[]), CAST(? AS text[]),
				  CAST(? AS text[])) AS u(id, seq, uscc, class, i1, i2)""")
			.params(drawId, ids, seqs, usccs, grades, first, second).update();
		audit.record("supervision.draw", "plan", planId, null, Map.of("draw", drawId.toString(), "seed", published.seed(),
				"inspections", n));
		return find(drawId, true).orElseThrow();
	}

	/** A draw with its inspections; {@code withNames} adds the entities' names (public too: they are enterprises). */
	public Optional<Draw> find(UUID drawId, boolean withNames) {
		return jdbc.sql("SELECT plan_id, algorithm, drawn_at, drawn_by FROM supervision_draw WHERE id = ?").param(drawId)
			.query((rs, i) -> new Object[] {rs.getObject(1, UUID.class), rs.getString(2), rs.getTimestamp(3).toInstant(),
					rs.getString(4)})
			.optional()
			.map(row -> {
				Plan plan = find((UUID) row[0]).orElseThrow();
				List<Drawn> list = jdbc.sql("""
						SELECT i.seq, i.uscc, e.name, i.class, i.drawn1, i.drawn2, i.inspector1, i.inspector2
						FROM supervision_inspection i LEFT JOIN supervision_entity e ON e.uscc = i.uscc
						WHERE i.draw_id = ? ORDER BY i.seq""").param(drawId)
					.query((rs, i) -> new Drawn(rs.getInt(1), rs.getString(2), withNames ? rs.getString(3) : null,
							rs.getString(4), List.of(rs.getString(5), rs.getString(6)),
							List.of(rs.getString(7), rs.getString(8))))
					.list();
				return new Draw(drawId, plan, plan.seedCommitment(), (String) row[1], (Instant) row[2], (String) row[3], list);
			});
	}
}
