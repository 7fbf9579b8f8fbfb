package org.tongban.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import tools.jackson.databind.JsonNode;

/**
 * 合规体检: an enterprise answers its sector's list for its own entity and gets each risk point with the risk,
 * the legal basis and the fix; once it has confirmed every fix, the self-check is a good record that lowers the
 * risk grade by one step for 12 months, and the grade says so. Another enterprise's entity is not found; bad
 * answers are refused field by field.
 */
class SelfCheckingComplianceTests extends SupervisionIntegrationTest {


	@Autowired
	SelfCheckList lists;

	@Autowired
	Grading grading;

	/** Every question of the sector answered 是, but those given as 否. */
	private String answers(Sector sector, String uscc, String... no) {
		Map<String, Boolean> answers = new TreeMap<>();
		lists.of(sector).forEach(q -> answers.put(q.code(), !List.of(no).contains(q.code())));
		return json.writeValueAsString(Map.of("uscc", uscc, "answers", answers));
	}

	private MockHttpServletResponse send(RequestPostProcessor who, String path, String body) throws Exception {
		return mvc.perform(post(path).with(who).contentType(MediaType.APPLICATION_JSON).content(body)).andReturn()
			.getResponse();
	}

	private JsonNode body(MockHttpServletResponse response, int expected) throws Exception {
		assertThat(response.getStatus()).as(response.getContentAsString(StandardCharsets.UTF_8)).isEqualTo(expected);
		return json.readTree(response.getContentAsString(StandardCharsets.UTF_8));
	}

	private static List<String> fields(JsonNode problem) {
		List<String> out = new ArrayList<>();
		problem.get("errors").forEach(e -> out.add(e.get("field").asString()));
		return out;
	}

	private static String reasons(JsonNode graded) {
		List<String> out = new ArrayList<>();
		graded.get("reasons").forEach(r -> out.add(r.get("aspect").asString() + "：" + r.get("text").asString() + " 【"
				+ r.get("basis").asString() + "】"));
		return String.join("\n", out);
	}

	@Test
	void theListsAreRealQuestionsWithRiskBasisAndFix() {
		Set<String> codes = new java.util.HashSet<>();
		for (Sector sector : Sector.values()) {
			assertThat(lists.of(sector)).as(sector.name()).hasSizeBetween(6, 10);
			lists.of(sector).forEach(q -> {
				assertThat(q.basis()).as(q.code()).containsPattern("《[^》]+》第[一二三四五六七八九十百]+条");
				assertThat(q.risk()).as(q.code()).isNotBlank();
				assertThat(q.fix()).as(q.code()).isNotBlank();
				assertThat(codes.add(q.code())).as("question codes are unique: " + q.code()).isTrue();
			});
		}
		assertThat(lists.of(Sector.MEDICAL_BEAUTY).stream().map(SelfCheckList.Question::basis).toList())
			.anyMatch(b -> b.contains("《医疗美容服务管理办法》第十五条"));
		assertThat(lists.of(Sector.OCCUPATIONAL).stream().map(SelfCheckList.Question::basis).toList())
			.anyMatch(b -> b.contains("《职业病防治法》第十六条"));
		assertThat(lists.of(Sector.DRINKING_WATER).stream().map(SelfCheckList.Question::basis).toList())
			.anyMatch(b -> b.contains("《生活饮用水卫生监督管理办法》第十一条"));
		assertThat(lists.of(Sector.DISINFECTION).stream().map(SelfCheckList.Question::basis).toList())
			.anyMatch(b -> b.contains("《消毒管理办法》第三十二条"));
	}

	/**
	 * An employer with occupational hazards that never declared its hazard project: the risk point names
	 * 《职业病防治法》第十六条 (declaration) and the fine of 第七十一条.
	 */
	@Test
	void anEmployerThatNeverDeclaredItsHazardsIsToldTheBasisAndTheFine() throws Exception {
		Business factory = business("OCCUPATIONAL");
		JsonNode check = body(send(factory.auth(), "/api/supervision/self-checks",
				answers(Sector.OCCUPATIONAL, factory.uscc(), "OC-01")), 201);
		assertThat(check.get("questions").asInt()).isEqualTo(8);
		JsonNode risk = check.get("risks").get(0);
		assertThat(risk.get("code").asString()).isEqualTo("OC-01");
		assertThat(risk.get("basis").asString()).contains("《职业病防治法》第十六条、第七十一条");
		assertThat(risk.get("risk").asString()).contains("五万元以上十万元以下");
	}

	@Test
	void aClinicGetsItsRiskPointsWithTheLegalBasisAndStaffMayReadThem() throws Exception {
		Business clinic = business("MEDICAL");
		JsonNode check = body(send(clinic.auth(), "/api/supervision/self-checks",
				answers(Sector.MEDICAL, clinic.uscc(), "MED-02", "MED-05")), 201);
		assertThat(check.get("uscc").asString()).isEqualTo(clinic.uscc());
		assertThat(check.get("questions").asInt()).isEqualTo(lists.of(Sector.MEDICAL).size());
		assertThat(check.get("completed").asBoolean()).isFalse();
		assertThat(check.get("risks")).hasSize(2);
		JsonNode first = check.get("risks").get(0);
		assertThat(first.get("code").asString()).isEqualTo("MED-02");
		assertThat(first.get("question").asString()).contains("悬挂");
		assertThat(first.get("basis").asString()).contains("《医疗机构管理条例》第二十六条");
		assertThat(first.get("fix").asString()).isNotBlank();
		assertThat(check.get("risks").get(1).get("basis").asString()).contains("《医疗废物管理条例》");
		assertThat(check.get("risks").get(1).get("risk").asString()).contains("罚款");
		assertThat(check.get("riskGrade").asString()).isEqualTo("C");

		String path = "/api/supervision/self-checks/" + check.get("id").asString();
		assertThat(body(mvc.perform(get(path).with(clinic.auth())).andReturn().getResponse(), 200).get("risks")).hasSize(2);
		mvc.perform(get(path).with(basic("inspector"))).andExpect(status().isOk());
		mvc.perform(get(path).with(basic("supervisor"))).andExpect(status().isOk());
		// another enterprise is told there is no such self-check; a citizen may not ask
		mvc.perform(get(path).with(basic("enterprise"))).andExpect(status().isNotFound());
		mvc.perform(get(path).with(basic("citizen"))).andExpect(status().isForbidden());
		mvc.perform(get(path)).andExpect(status().isUnauthorized());
	}

	@Test
	void confirmedFixesMakeAGoodRecordThatLowersTheRiskClassForTwelveMonths() throws Exception {
		Business salon = business("MEDICAL_BEAUTY");
		JsonNode check = body(send(salon.auth(), "/api/supervision/self-checks",
				answers(Sector.MEDICAL_BEAUTY, salon.uscc(), "MB-02", "MB-07")), 201);
		String id = check.get("id").asString();
		String fixes = "/api/supervision/self-checks/" + id + "/fixes";
		assertThat(check.get("combinedClass").asString()).isEqualTo("C");

		String note = "<script>alert('x')</script>已停止超范围的美容外科项目";
		JsonNode half = body(send(salon.auth(), fixes, json.writeValueAsString(Map.of("codes", List.of("MB-02"), "note", note))),
				200);
		assertThat(half.get("completed").asBoolean()).isFalse();
		assertThat(half.get("risks").get(0).get("fixNote").asString()).isEqualTo(note);
		assertThat(half.get("riskGrade").asString()).isEqualTo("C");
		// a risk point confirmed once is not confirmed again
		JsonNode again = body(send(salon.auth(), fixes, "{\"codes\": [\"MB-02\"], \"note\": \"再次确认\"}"), 400);
		assertThat(fields(again)).containsExactly("codes[0]");

		JsonNode done = body(send(salon.auth(), fixes, "{\"codes\": [\"MB-07\"], \"note\": \"已撤下未经审查的广告\"}"), 200);
		assertThat(done.get("completed").asBoolean()).isTrue();
		assertThat(done.get("riskGrade").asString()).isEqualTo("B");
		assertThat(done.get("combinedClass").asString()).isEqualTo("B");
		assertThat(reasons(done)).contains("完成合规体检且风险点全部确认整改", "2 个风险点均已确认整改", "由 C 降低到 B",
				"《优化营商环境条例》");
		assertThat(jdbc.sql("SELECT count(*) FROM supervision_credit_event WHERE uscc = ? AND kind = 'SELF_CHECK' AND source_ref = ?")
			.params(salon.uscc(), "self-check:" + id).query(Long.class).single()).isOne();
		// the staff's view of the entity explains it too
		JsonNode entity = json.readTree(mvc.perform(get("/api/supervision/entities/{uscc}", salon.uscc()).with(basic("supervisor")))
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
		assertThat(entity.get("riskGrade").asString()).isEqualTo("B");
		assertThat(reasons(entity)).contains("由 C 降低到 B");

		// the result page shows the note as text
		String page = mvc.perform(get("/supervision/self-checks/" + id).with(salon.auth())).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;已停止").doesNotContain("<script>alert(");

		// nothing left to confirm; and after 12 months the relief lapses
		assertThat(fields(body(send(salon.auth(), fixes, "{\"codes\": [], \"note\": \"x\"}"), 400))).containsExactly("codes");
		clock.travelTo(java.time.LocalDate.now(clock.withZone(java.time.ZoneId.of("Asia/Shanghai"))).plusMonths(13));
		grading.regrade(salon.uscc());
		assertThat(body(mvc.perform(get("/api/supervision/self-checks/" + id).with(salon.auth())).andReturn().getResponse(), 200)
			.get("riskGrade").asString()).isEqualTo("C");
	}

	@Test
	void aSelfCheckDoesNotLowerTheRiskOfAnEntityPenalisedInTheWindow() throws Exception {
		Business pool = business("PUBLIC_PLACE");
		postJson("supervisor", "/api/supervision/entities/" + pool.uscc() + "/credit-events",
				"{\"kind\": \"PENALTY\", \"occurredOn\": \"2026-01-05\", \"note\": \"浦卫监罚〔2026〕3号\"}", 201);
		// no risk point: completed at once, recorded, but the penalty bars the relief
		JsonNode check = body(send(pool.auth(), "/api/supervision/self-checks", answers(Sector.PUBLIC_PLACE, pool.uscc())), 201);
		assertThat(check.get("risks")).isEmpty();
		assertThat(check.get("completed").asBoolean()).isTrue();
		assertThat(check.get("riskGrade").asString()).isEqualTo("B");
		assertThat(reasons(check)).contains("未发现风险点", "不予降级");
	}

	@Test
	void anotherEnterprisesEntityIsNotFound() throws Exception {
		Business mine = business("MEDICAL");
		Business theirs = business("MEDICAL");
		MockHttpServletResponse refused = send(mine.auth(), "/api/supervision/self-checks",
				answers(Sector.MEDICAL, theirs.uscc()));
		assertThat(refused.getStatus()).isEqualTo(404);
		assertThat(refused.getContentType()).startsWith("application/problem+json");
		assertThat(refused.getContentAsString(StandardCharsets.UTF_8)).contains("只能为本单位");
		assertThat(jdbc.sql("SELECT count(*) FROM supervision_self_check WHERE uscc = ?").param(theirs.uscc()).query(Long.class)
			.single()).isZero();
		// nor may it confirm fixes on theirs
		JsonNode check = body(send(theirs.auth(), "/api/supervision/self-checks",
				answers(Sector.MEDICAL, theirs.uscc(), "MED-01")), 201);
		String fixes = "/api/supervision/self-checks/" + check.get("id").asString() + "/fixes";
		assertThat(send(mine.auth(), fixes, "{\"codes\": [\"MED-01\"], \"note\": \"已校验\"}").getStatus()).isEqualTo(404);
		assertThat(send(basic("inspector"), fixes, "{\"codes\": [\"MED-01\"], \"note\": \"已校验\"}").getStatus()).isEqualTo(403);
		assertThat(send(basic("supervisor"), "/api/supervision/self-checks", answers(Sector.MEDICAL, theirs.uscc()))
			.getStatus()).isEqualTo(403);
	}

	@Test
	void badAnswersAreRefusedFieldByFieldInChinese() throws Exception {
		Business clinic = business("MEDICAL");
		Map<String, Object> answers = new TreeMap<>();
		lists.of(Sector.MEDICAL).forEach(q -> answers.put(q.code(), true));
		answers.remove("MED-03");
		answers.put("MED-99", false);
		answers.put("MB-01", true);
		MockHttpServletResponse response = send(clinic.auth(), "/api/supervision/self-checks",
				json.writeValueAsString(Map.of("uscc", clinic.uscc(), "answers", answers)));
		assertThat(response.getContentType()).startsWith("application/problem+json");
		JsonNode problem = body(response, 400);
		assertThat(fields(problem)).containsExactlyInAnyOrder("answers.MED-03", "answers.MED-99", "answers.MB-01");
		assertThat(problem.get("errors").toString()).contains("请回答第 3 题", "清单中没有题目“MED-99”");
		// no answers at all: every question named
		assertThat(fields(body(send(clinic.auth(), "/api/supervision/self-checks",
				"{\"uscc\": \"" + clinic.uscc() + "\"}"), 400))).hasSize(lists.of(Sector.MEDICAL).size());
		assertThat(fields(body(send(clinic.auth(), "/api/supervision/self-checks", "{}"), 400))).containsExactly("uscc");
		// fixes: not a risk point of this self-check, and no note
		JsonNode check = body(send(clinic.auth(), "/api/supervision/self-checks",
				answers(Sector.MEDICAL, clinic.uscc(), "MED-04")), 201);
		JsonNode refused = body(send(clinic.auth(), "/api/supervision/self-checks/" + check.get("id").asString() + "/fixes",
				"{\"codes\": [\"MED-01\"], \"note\": \" \"}"), 400);
		assertThat(fields(refused)).containsExactlyInAnyOrder("codes[0]", "note");
		assertThat(refused.get("errors").toString()).contains("不是本次体检的风险点", "请写明整改情况");
	}
}
