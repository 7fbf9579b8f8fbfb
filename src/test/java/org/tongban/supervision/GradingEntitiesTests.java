package org.tongban.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.MediaType;
import org.springframework.transaction.support.TransactionTemplate;
import org.tongban.cases.Applicant;
import org.tongban.cases.CaseId;
import org.tongban.cases.CommitmentBroken;

import tools.jackson.databind.JsonNode;

/**
 * Credit and risk grades that explain themselves: every grade with the rules that made it and their legal basis;
 * a false commitment found in cases lowers the enterprise's credit, recorded penalties and good records count,
 * and a rule change regrades the register.
 */
class GradingEntitiesTests extends SupervisionIntegrationTest {

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	GradingRules rules;

	@Autowired
	Grading grading;

	private JsonNode detail(String uscc) throws Exception {
		return json.readTree(mvc.perform(get("/api/supervision/entities/{uscc}", uscc).with(basic("supervisor")))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
	}

	private static List<String> texts(JsonNode entity) {
		List<String> out = new ArrayList<>();
		entity.get("reasons").forEach(r -> out.add(r.get("aspect").asString() + "：" + r.get("text").asString()));
		return out;
	}

	@Test
	void everyGradeSaysWhyWithItsLegalBasis() throws Exception {
		String uscc = newUscc();
		JsonNode entity = register(uscc, "MEDICAL_BEAUTY");
		assertThat(entity.get("creditGrade").asString()).isEqualTo("A");
		assertThat(entity.get("riskGrade").asString()).isEqualTo("C");
		assertThat(entity.get("combinedClass").asString()).isEqualTo("C");
		assertThat(texts(entity)).contains("信用：起始分 100 分（计入最近 3 年的信用事件）",
				"风险：行业“医疗美容”的基础风险等级 C", "综合：取信用等级 A 与风险等级 C 中较差者：C 类");
		entity.get("reasons").forEach(r -> assertThat(r.get("basis").asString()).as(r.toString()).contains("《"));
		// inspectors read it too; others may not
		mvc.perform(get("/api/supervision/entities/{uscc}", uscc).with(basic("inspector"))).andExpect(status().isOk());
		mvc.perform(get("/api/supervision/entities/{uscc}", uscc).with(basic("enterprise"))).andExpect(status().isForbidden());
		mvc.perform(get("/api/supervision/entities?sector=MEDICAL_BEAUTY&class=C").with(basic("inspector")))
			.andExpect(status().isOk());
	}

	@Test
	void aFalseCommitmentFoundInCasesLowersCreditOnce() throws Exception {
		String uscc = newUscc();
		register(uscc, "PUBLIC_PLACE");
		CommitmentBroken broken = new CommitmentBroken(new CaseId(UUID.randomUUID()), "PD-WJW-XK-011",
				new Applicant(Applicant.Kind.ENTERPRISE, null, uscc, "上海测试宾馆有限公司", "李四", "enterprise"),
				"现场核查：无消毒间", "inspector", Instant.parse("2026-06-10T02:00:00Z"));
		transactions.executeWithoutResult(tx -> events.publishEvent(broken));
		Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> "C".equals(detail(uscc).get("creditGrade").asString()));
		JsonNode entity = detail(uscc);
		// 100 − 40 = 60: C; the broken commitment raises the public place's risk from A to B
		assertThat(entity.get("riskGrade").asString()).isEqualTo("B");
		assertThat(entity.get("combinedClass").asString()).isEqualTo("C");
		assertThat(String.join("\n", texts(entity))).contains("2026-06-10 告知承诺不实", "现场核查：无消毒间", "-40 分",
				"合计 60 分，信用等级 C", "有效期内告知承诺不实（1 起）：由 A 提高到 B");
		// the same event delivered again counts once
		transactions.executeWithoutResult(tx -> events.publishEvent(broken));
		Awaitility.await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).until(() -> true);
		assertThat(jdbc.sql("SELECT count(*) FROM supervision_credit_event WHERE uscc = ?").param(uscc).query(Long.class)
			.single()).isOne();
	}

	@Test
	void penaltiesComplaintsAndGoodRecordsAreRecordedWithTheFacts() throws Exception {
		String uscc = newUscc();
		register(uscc, "DRINKING_WATER");
		String path = "/api/supervision/entities/" + uscc + "/credit-events";
		JsonNode after = postJson("supervisor", path,
				"{\"kind\": \"PENALTY\", \"occurredOn\": \"2026-03-02\", \"note\": \"浦卫监罚〔2026〕12号\"}", 201);
		assertThat(after.get("creditGrade").asString()).isEqualTo("B");
		assertThat(after.get("riskGrade").asString()).isEqualTo("C");
		after = postJson("supervisor", path,
				"{\"kind\": \"GOOD_RECORD\", \"occurredOn\": \"2026-05-02\", \"note\": \"连续两年检查无违法\"}", 201);
		assertThat(String.join("\n", texts(after))).contains("合计 85 分", "浦卫监罚〔2026〕12号（-20 分）", "（+5 分）");
		// refused: a kind only cases may record, a date in the future, no facts
		JsonNode refused = postJson("supervisor", path,
				"{\"kind\": \"COMMITMENT_BROKEN\", \"occurredOn\": \"2026-12-30\", \"note\": \"\"}", 400);
		assertThat(refused.get("errors").toString()).contains("kind", "occurredOn", "note", "不能晚于今天");
		mvc.perform(post(path).with(basic("inspector")).contentType(MediaType.APPLICATION_JSON)
			.content("{\"kind\": \"PENALTY\", \"occurredOn\": \"2026-03-02\", \"note\": \"x\"}")).andExpect(status().isForbidden());
		// an event older than the window no longer counts
		clock.travelTo(java.time.LocalDate.of(2029, 3, 3));
		grading.regrade(uscc);
		assertThat(detail(uscc).get("creditGrade").asString()).isEqualTo("A");
	}

	@Test
	void entitiesAreRegisteredByAValidCodeInAPudongStreet() throws Exception {
		String good = newUscc();
		String bad = good.substring(0, 17) + (good.charAt(17) == '0' ? '1' : '0');
		JsonNode refused = postJson("supervisor", "/api/supervision/entities", """
				{"uscc": "%s", "name": "上海测试", "sector": "SPA", "address": "某路 1 号", "street": "静安寺街道"}"""
			.formatted(bad), 400);
		assertThat(refused.get("errors").toString()).contains("校验码", "sector", "浦东新区 36 个街道、镇");
		assertThat(Streets.ALL).hasSize(36).doesNotHaveDuplicates();
		// the licences the enterprise holds come from the licences module (the demo clinic's X-ray licence)
		Awaitility.await().atMost(Duration.ofSeconds(20))
			.until(() -> detail("91310115MA1K3Y4N2N").get("licences").size() > 0);
	}

	@Test
	void aRuleChangeRegradesTheWholeRegister() throws Exception {
		String uscc = newUscc();
		register(uscc, "DISINFECTION");
		assertThat(detail(uscc).get("riskGrade").asString()).isEqualTo("B");
		GradingRules.Rules before = rules.current();
		Map<Sector, GradingRules.SectorRule> sectors = new LinkedHashMap<>(before.sectors());
		sectors.put(Sector.DISINFECTION, new GradingRules.SectorRule('D', "测试：消毒产品抽检不合格率上升"));
		try {
			rules.use(new GradingRules.Rules(before.start(), before.windowYears(), before.creditBasis(), before.thresholdA(),
					before.thresholdB(), before.thresholdC(), before.events(), before.riskBasis(), sectors, before.history(),
					before.combinedBasis()));
			JsonNode result = postJson("supervisor", "/api/supervision/grading", "", 200);
			assertThat(result.get("entities").asLong()).isGreaterThan(1000);
			assertThat(detail(uscc).get("combinedClass").asString()).isEqualTo("D");
			assertThat(String.join("\n", texts(detail(uscc)))).contains("基础风险等级 D");
		}
		finally {
			rules.use(before);
			grading.regradeAll();
		}
	}
}
