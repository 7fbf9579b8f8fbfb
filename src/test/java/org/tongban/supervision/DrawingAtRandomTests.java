package org.tongban.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import tools.jackson.databind.JsonNode;

/**
 * 双随机: a plan publishes its seed before the draw, the draw is the published algorithm over the published inputs
 * (the command-line verifier, an independent implementation, prints the same list), linked inspectors are never
 * drawn, a plan is drawn once, later changes are logged overrides, and bad plans are refused with every reason.
 */
class DrawingAtRandomTests extends SupervisionIntegrationTest {

	private JsonNode plan(String sector, String ratios) throws Exception {
		return postJson("supervisor", "/api/supervision/plans", """
				{"sector": "%s", "period": "2026-Q3", "ratios": %s}""".formatted(sector, ratios), 201);
	}

	private JsonNode draw(JsonNode plan) throws Exception {
		return postJson("supervisor", "/api/supervision/plans/" + plan.get("id").asString() + "/draw", "", 201);
	}

	private JsonNode published(String drawId) throws Exception {
		return json.readTree(mvc.perform(get("/api/public/draws/{id}", drawId)).andExpect(status().isOk()).andReturn()
			.getResponse().getContentAsString());
	}

	@Test
	void theSeedIsPublishedWithThePlanAndTheDrawFollowsFromIt() throws Exception {
		JsonNode plan = plan("PUBLIC_PLACE", "{\"A\": 5, \"B\": 10, \"C\": 30, \"D\": 100}");
		String planId = plan.get("id").asString();
		// before the draw: the seed is public, and it is the hash of the public value and the plan's hash
		assertThat(plan.get("seedCommitment").asString())
			.isEqualTo(DrawAlgorithm.seed(plan.get("publicValue").asString(), plan.get("planHash").asString()));
		String list = mvc.perform(get("/api/public/draws")).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString();
		assertThat(list).contains(planId, plan.get("seedCommitment").asString());

		JsonNode drawn = draw(plan);
		assertThat(drawn.get("seed").asString()).isEqualTo(plan.get("seedCommitment").asString());
		assertThat(drawn.get("algorithm").asString()).isEqualTo(DrawAlgorithm.NAME);

		// the inputs re-hash to the published plan hash; the per-class counts follow the ratios
		PublishedInputs inputs = json.treeToValue(published(drawn.get("id").asString()).get("inputs"), PublishedInputs.class);
		assertThat(DrawAlgorithm.planHash(inputs.inputs())).isEqualTo(plan.get("planHash").asString());
		Map<String, Long> perClass = new java.util.HashMap<>();
		inputs.entities().forEach(e -> perClass.merge(e.grade(), 1L, Long::sum));
		List<String> classes = new ArrayList<>();
		drawn.get("entities").forEach(e -> classes.add(e.get("combinedClass").asString()));
		for (String c : List.of("A", "B", "C", "D")) {
			long n = perClass.getOrDefault(c, 0L);
			long expected = (n * Map.of("A", 5, "B", 10, "C", 30, "D", 100).get(c) + 99) / 100;
			assertThat(classes.stream().filter(c::equals).count()).as("class " + c).isEqualTo(expected);
		}
		// reproducible: the algorithm run again on the inputs gives the same list, and another seed another one
		List<String> again = DrawAlgorithm.draw(inputs.seed(), inputs.inputs()).stream()
			.map(p -> p.uscc() + " " + p.inspector1() + " " + p.inspector2()).toList();
		List<String> server = new ArrayList<>();
		drawn.get("entities").forEach(e -> server.add(e.get("uscc").asString() + " " + e.get("inspectors").get(0).asString()
				+ " " + e.get("inspectors").get(1).asString()));
		assertThat(again).isEqualTo(server).isNotEmpty();
		assertThat(DrawAlgorithm.draw(DrawAlgorithm.seed("another", inputs.planHash()), inputs.inputs()).stream()
			.map(p -> p.uscc() + " " + p.inspector1() + " " + p.inspector2()).toList()).isNotEqualTo(server);
		// every inspection by two different inspectors of the qualified pool
		Set<String> pool = new HashSet<>(inputs.inspectors());
		drawn.get("entities").forEach(e -> {
			assertThat(pool).contains(e.get("inspectors").get(0).asString(), e.get("inspectors").get(1).asString());
			assertThat(e.get("inspectors").get(0).asString()).isNotEqualTo(e.get("inspectors").get(1).asString());
		});
	}

	@Test
	void theCommandLineVerifierPrintsTheSameListAsTheServer() throws Exception {
		JsonNode drawn = draw(plan("DRINKING_WATER", "{\"A\": 20, \"B\": 40, \"C\": 60, \"D\": 100}"));
		String body = mvc.perform(get("/api/public/draws/{id}", drawn.get("id").asString())).andReturn().getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		Path file = Files.createTempFile("draw", ".json");
		Files.writeString(file, body, StandardCharsets.UTF_8);

		Run run = verify(file);
		assertThat(run.exit).as(run.err).isZero();
		List<String> server = new ArrayList<>();
		published(drawn.get("id").asString()).get("result").forEach(r -> server.add(r.get("seq").asInt() + " "
				+ r.get("uscc").asString() + " " + r.get("combinedClass").asString() + " " + r.get("inspectors").get(0).asString()
				+ " " + r.get("inspectors").get(1).asString()));
		assertThat(run.lines.subList(0, run.lines.size() - 1)).isEqualTo(server);
		assertThat(run.lines.get(run.lines.size() - 1)).startsWith("一致");

		// a published result that does not follow from the inputs is caught
		JsonNode first = published(drawn.get("id").asString()).get("result").get(0);
		String other = first.get("inspectors").get(0).asString().equals("检-0003") ? "检-0004" : "检-0003";
		Files.writeString(file, body.replaceFirst("\"inspectors\":\\[\"" + first.get("inspectors").get(0).asString() + "\"",
				"\"inspectors\":[\"" + other + "\""), StandardCharsets.UTF_8);
		Run tampered = verify(file);
		assertThat(tampered.exit).isEqualTo(1);
		assertThat(tampered.lines.get(tampered.lines.size() - 1)).startsWith("不一致");
		// and so are inputs changed after the seed was published
		Files.writeString(file, body.replace("\"period\":\"2026-Q3\"", "\"period\":\"2026-Q4\""), StandardCharsets.UTF_8);
		Run changed = verify(file);
		assertThat(changed.exit).isEqualTo(1);
		assertThat(changed.err).contains("计划摘要不符");
	}

	record Run(int exit, List<String> lines, String err) {
	}

	private static Run verify(Path file) throws Exception {
		Process p = new ProcessBuilder("scripts/verify-draw", file.toString()).start();
		String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
		return new Run(p.exitValue(), out.lines().toList(), err);
	}

	@Test
	void anInspectorLinkedToAnEntityIsNeverSentToIt() throws Exception {
		String uscc = newUscc();
		JsonNode entity = register(uscc, "DISINFECTION");
		String grade = entity.get("combinedClass").asString();
		List<String> pool = inspectors.qualified(Sector.DISINFECTION);
		// every qualified inspector but two is linked to the entity
		List<String> free = List.of(pool.get(pool.size() - 1), pool.get(pool.size() / 2));
		for (String code : pool) {
			if (!free.contains(code)) {
				inspectors.declareConflict(uscc, code, "近亲属在该单位任职（测试）");
			}
		}
		String ratios = "{\"A\": 0, \"B\": 0, \"C\": 0, \"D\": 0}".replace("\"" + grade + "\": 0", "\"" + grade + "\": 100");
		JsonNode drawn = draw(plan("DISINFECTION", ratios));
		boolean found = false;
		for (JsonNode e : drawn.get("entities")) {
			if (e.get("uscc").asString().equals(uscc)) {
				found = true;
				assertThat(List.of(e.get("inspectors").get(0).asString(), e.get("inspectors").get(1).asString()))
					.containsExactlyInAnyOrderElementsOf(free);
			}
		}
		assertThat(found).isTrue();
		// and no drawn entity anywhere has a linked inspector
		assertThat(jdbc.sql("""
				SELECT count(*) FROM supervision_inspection i JOIN supervision_conflict c ON c.uscc = i.uscc
				  AND c.inspector_code IN (i.drawn1, i.drawn2)""").query(Long.class).single()).isZero();
	}

	@Test
	void aPlanIsDrawnOnceOnly() throws Exception {
		JsonNode plan = plan("MEDICAL", "{\"A\": 5, \"B\": 10, \"C\": 30, \"D\": 100}");
		JsonNode first = draw(plan);
		String refusal = mvc.perform(post("/api/supervision/plans/{id}/draw", plan.get("id").asString())
				.with(basic("supervisor"))).andExpect(status().isConflict()).andReturn().getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(refusal).contains("不能再次抽取", first.get("id").asString());
		assertThat(jdbc.sql("SELECT count(*) FROM supervision_draw WHERE plan_id = ?")
			.param(UUID.fromString(plan.get("id").asString())).query(Long.class).single()).isOne();
		// the database refuses to change a draw even when asked directly
		assertThatThrownBy(() -> jdbc.sql("DELETE FROM supervision_draw WHERE id = ?")
			.param(UUID.fromString(first.get("id").asString())).update()).hasMessageContaining("append-only");
	}

	@Test
	void anOverrideIsLoggedAuditedAndPublishedWithoutNames() throws Exception {
		JsonNode drawn = draw(plan("MEDICAL_BEAUTY", "{\"A\": 50, \"B\": 50, \"C\": 50, \"D\": 100}"));
		String drawId = drawn.get("id").asString();
		JsonNode inspection = drawn.get("entities").get(0);
		String uscc = inspection.get("uscc").asString();
		String replaced = inspection.get("inspectors").get(0).asString();
		String keep = inspection.get("inspectors").get(1).asString();
		String replacement = inspectors.qualified(Sector.MEDICAL_BEAUTY).stream()
			.filter(c -> !c.equals(replaced) && !c.equals(keep) && !inspectors.conflicted(uscc, c)).findFirst().orElseThrow();
		String approver = secondPlanner();
		String path = "/api/supervision/draws/" + drawId + "/overrides";

		// refused: no reason, the planner approving themself, a replacement linked to the entity
		JsonNode refused = postJson("supervisor", path, """
				{"uscc": "%s", "replaced": "%s", "replacement": "%s", "reason": " ", "approver": "supervisor"}"""
			.formatted(uscc, replaced, replacement), 400);
		assertThat(refused.get("errors").toString()).contains("reason", "approver");
		inspectors.declareConflict(uscc, replacement, "测试：回避");
		String linked = inspectors.qualified(Sector.MEDICAL_BEAUTY).stream()
			.filter(c -> !c.equals(replaced) && !c.equals(keep) && !inspectors.conflicted(uscc, c)).findFirst().orElseThrow();
		assertThat(postJson("supervisor", path, """
				{"uscc": "%s", "replaced": "%s", "replacement": "%s", "reason": "休假", "approver": "%s"}"""
			.formatted(uscc, replaced, replacement, approver), 400).get("errors").toString()).contains("利益冲突");

		JsonNode override = postJson("supervisor", path, """
				{"uscc": "%s", "replaced": "%s", "replacement": "%s", "reason": "原定人员年假（12月7日至11日）", "approver": "%s"}"""
			.formatted(uscc, replaced, linked, approver), 201);
		assertThat(override.get("approver").asString()).isEqualTo(approver);
		assertThat(jdbc.sql("SELECT count(*) FROM supervision_override WHERE draw_id = ?").param(UUID.fromString(drawId))
			.query(Long.class).single()).isOne();
		assertThat(jdbc.sql("SELECT count(*) FROM identity_audit_entry WHERE action = 'supervision.draw.override' "
				+ "AND subject_id = ?").param(drawId).query(Long.class).single()).isOne();
		assertThatThrownBy(() -> jdbc.sql("UPDATE supervision_override SET reason = 'x' WHERE draw_id = ?")
			.param(UUID.fromString(drawId)).update()).hasMessageContaining("append-only");

		// published: the reason, both codes, the original result unchanged, the assignment changed; no person named
		JsonNode pub = published(drawId);
		assertThat(pub.get("overrides").get(0).get("reason").asString()).isEqualTo("原定人员年假（12月7日至11日）");
		assertThat(pub.get("result").get(0).get("inspectors").get(0).asString()).isEqualTo(replaced);
		assertThat(pub.get("assignments").get(0).get("inspectors").get(0).asString()).isEqualTo(linked);
		String text = pub.toString();
		assertThat(text).doesNotContain(approver, "supervisor\"", "赵监督员", "钱监督员", "\"inspector\"", "inspector2");
		for (String name : inspectors.names().values()) {
			assertThat(text).doesNotContain("\"" + name + "\"");
		}
	}

	@Test
	void badPlansAreRefusedWithEveryReasonInChinese() throws Exception {
		var response = mvc.perform(post("/api/supervision/plans").with(basic("supervisor")).contentType(MediaType.APPLICATION_JSON)
				.content("{\"sector\": \"BAKERY\", \"period\": \"下个月\", \"ratios\": {\"A\": 150, \"B\": -5, \"C\": 30, \"E\": 1}}"))
			.andReturn().getResponse();
		assertThat(response.getContentType()).startsWith("application/problem+json");
		JsonNode problem = json.readTree(response.getContentAsString(StandardCharsets.UTF_8));
		List<String> fields = new ArrayList<>();
		problem.get("errors").forEach(e -> fields.add(e.get("field").asString()));
		assertThat(fields).contains("sector", "period", "ratios.A", "ratios.B", "ratios.D", "ratios.E");
		assertThat(problem.get("errors").toString()).contains("未知的行业", "150%", "应在 0% 到 100% 之间", "请填写 D 类");

		// a sector without qualified inspectors on duty
		List<String> occupational = inspectors.qualified(Sector.OCCUPATIONAL);
		jdbc.sql("UPDATE supervision_inspector SET active = false WHERE code = ANY (?)")
			.param(occupational.toArray(String[]::new)).update();
		try {
			JsonNode empty = postJson("supervisor", "/api/supervision/plans",
					"{\"sector\": \"OCCUPATIONAL\", \"period\": \"2026\", \"ratios\": {\"A\": 5, \"B\": 10, \"C\": 30, \"D\": 100}}", 400);
			assertThat(empty.get("errors").toString()).contains("没有具备执法资格的在岗执法人员");
		}
		finally {
			jdbc.sql("UPDATE supervision_inspector SET active = true WHERE code = ANY (?)")
				.param(occupational.toArray(String[]::new)).update();
		}
		assertThat(jdbc.sql("SELECT count(*) FROM supervision_plan WHERE sector = 'BAKERY'").query(Long.class).single())
			.isZero();
	}

	@Test
	void onlyPlannersPlanAndDrawAndAnInspectorSeesOnlyTheirOwnInspections() throws Exception {
		String plan = "{\"sector\": \"MEDICAL\", \"period\": \"2026\", \"ratios\": {\"A\": 5, \"B\": 10, \"C\": 30, \"D\": 100}}";
		mvc.perform(post("/api/supervision/plans").with(basic("inspector")).contentType(MediaType.APPLICATION_JSON).content(plan))
			.andExpect(status().isForbidden());
		mvc.perform(post("/api/supervision/plans").contentType(MediaType.APPLICATION_JSON).content(plan))
			.andExpect(status().isUnauthorized());

		// an inspection with neither demo inspector, given to 检-0001 (inspector) by an override
		JsonNode drawn = draw(plan("MEDICAL", "{\"A\": 20, \"B\": 20, \"C\": 50, \"D\": 100}"));
		JsonNode target = null;
		for (JsonNode e : drawn.get("entities")) {
			String a = e.get("inspectors").get(0).asString();
			String b = e.get("inspectors").get(1).asString();
			String uscc = e.get("uscc").asString();
			if (!Set.of(a, b).contains("检-0001") && !Set.of(a, b).contains("检-0002") && !inspectors.conflicted(uscc, "检-0001")) {
				target = e;
				break;
			}
		}
		assertThat(target).isNotNull();
		postJson("supervisor", "/api/supervision/draws/" + drawn.get("id").asString() + "/overrides", """
				{"uscc": "%s", "replaced": "%s", "replacement": "检-0001", "reason": "测试：指派", "approver": "%s"}"""
			.formatted(target.get("uscc").asString(), target.get("inspectors").get(0).asString(), secondPlanner()), 201);

		String mine = mvc.perform(get("/api/supervision/inspections?mine=true").with(basic("inspector")))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		String theirs = mvc.perform(get("/api/supervision/inspections?mine=true").with(basic("inspector2")))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		// asking for everyone's gives an inspector still only their own
		String all = mvc.perform(get("/api/supervision/inspections").with(basic("inspector2")))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		String uscc = target.get("uscc").asString();
		assertThat(mine).contains(uscc);
		assertThat(theirs).doesNotContain(uscc);
		assertThat(all).doesNotContain(uscc);
		json.readTree(theirs).forEach(a -> assertThat(a.get("inspectors").toString()).contains("检-0002"));
	}
}
