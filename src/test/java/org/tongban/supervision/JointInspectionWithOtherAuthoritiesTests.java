package org.tongban.supervision;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;

import tools.jackson.databind.JsonNode;

/**
 * 联合检查 of a medical beauty clinic (task 27) with market regulation and drug administration (two WireMocks): one
 * shared plan, one visit, findings per authority. A partner that is down leaves its part waiting; it is sent again
 * under the same Idempotency-Key, so the partner never gets two plans, and its findings are fetched until they come.
 */
class JointInspectionWithOtherAuthoritiesTests extends SupervisionIntegrationTest {

	static final WireMockServer market = new WireMockServer(options().dynamicPort());
	static final WireMockServer drug = new WireMockServer(options().dynamicPort());

	static {
		market.start();
		drug.start();
	}

	@DynamicPropertySource
	static void partners(DynamicPropertyRegistry registry) {
		registry.add("tongban.supervision.joint.partners.MARKET.base-url", () -> "http://localhost:" + market.port() + "/api");
		registry.add("tongban.supervision.joint.partners.DRUG.base-url", () -> "http://localhost:" + drug.port() + "/api");
		registry.add("tongban.supervision.joint.timeout", () -> "PT1S");
	}

	@AfterAll
	static void stop() {
		market.stop();
		drug.stop();
	}

	@Autowired
	JointInspections joint;

	@BeforeEach
	void reset() {
		market.resetAll();
		drug.resetAll();
		// parts other tests left waiting are not this test's: settle them so relayDue counts only ours
		jdbc.sql("UPDATE supervision_joint_part SET status = 'FINDINGS', findings = '（测试前结清）' WHERE status <> 'FINDINGS'")
			.update();
	}

	private void later(Duration d) {
		clock.travelTo(LocalDateTime.ofInstant(clock.instant().plus(d), ZoneId.of("Asia/Shanghai")));
	}

	private JsonNode plan(String uscc) throws Exception {
		return postJson("supervisor", "/api/supervision/joint-inspections", """
				{"uscc": "%s", "plannedOn": "2026-06-20", "scope": "卫生健康：医疗美容项目与执业资质；市场监管：价格和广告；药品监管：注射用透明质酸钠等医疗器械和药品来源",
				 "partners": ["MARKET", "DRUG"]}""".formatted(uscc), 201);
	}

	private JsonNode read(String id) throws Exception {
		return json.readTree(mvc.perform(MockMvcRequestBuilders.get("/api/supervision/joint-inspections/" + id)
			.with(basic("inspector"))).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
	}

	private static JsonNode part(JsonNode view, String authority) {
		for (JsonNode p : view.get("inspection").get("parts")) {
			if (p.get("authority").asString().equals(authority)) {
				return p;
			}
		}
		throw new AssertionError("no part of " + authority);
	}

	@Test
	void onePlanReachesEachAuthorityOnceThoughOneIsDownAndEveryAuthoritysFindingsComeBack() throws Exception {
		market.stubFor(post(urlEqualTo("/api/joint-inspections")).willReturn(okJson("{\"reference\": \"SCJG-2026-0001\"}")));
		drug.stubFor(post(urlEqualTo("/api/joint-inspections")).inScenario("drug").whenScenarioStateIs(Scenario.STARTED)
			.willReturn(aResponse().withStatus(503)).willSetStateTo("up"));
		drug.stubFor(post(urlEqualTo("/api/joint-inspections")).inScenario("drug").whenScenarioStateIs("up")
			.willReturn(okJson("{\"reference\": \"YJ-2026-0001\"}")));
		market.stubFor(get(urlPathMatching("/api/joint-inspections/.*/findings")).willReturn(aResponse().withStatus(404)));
		drug.stubFor(get(urlPathMatching("/api/joint-inspections/.*/findings")).willReturn(aResponse().withStatus(404)));
		String uscc = newUscc();
		register(uscc, "MEDICAL_BEAUTY");
		String id = plan(uscc).get("id").asString();

		// market regulation takes the plan; drug administration is down: its part waits with the error
		assertThat(joint.relayDue()).isEqualTo(1);
		JsonNode view = read(id);
		assertThat(part(view, "MARKET").get("status").asString()).isEqualTo("SENT");
		assertThat(part(view, "MARKET").get("partnerRef").asString()).isEqualTo("SCJG-2026-0001");
		assertThat(part(view, "DRUG").get("status").asString()).isEqualTo("SENDING");
		assertThat(part(view, "DRUG").get("attempts").asInt()).isEqualTo(1);
		assertThat(part(view, "DRUG").get("lastError").asString()).contains("503");
		// not due again yet: nothing is sent
		assertThat(joint.relayDue()).isZero();
		later(Duration.ofMinutes(2));
		assertThat(joint.relayDue()).isEqualTo(1);
		assertThat(part(read(id), "DRUG").get("status").asString()).isEqualTo("SENT");
		// both tries carried the same key: the partner keeps one plan
		List<String> keys = new ArrayList<>();
		drug.getAllServeEvents().forEach(e -> keys.add(e.getRequest().getHeader("Idempotency-Key")));
		assertThat(keys).hasSize(2).doesNotContainNull();
		assertThat(keys.get(0)).isEqualTo(keys.get(1));
		market.verify(1, postRequestedFor(urlEqualTo("/api/joint-inspections"))
			.withRequestBody(matchingJsonPath("$.uscc", equalTo(uscc))).withRequestBody(matchingJsonPath("$.plannedOn",
					equalTo("2026-06-20"))));

		// the one visit: this institute's findings; the partners' come when they have entered them
		JsonNode visited = postJson("inspector", "/api/supervision/joint-inspections/" + id + "/visit",
				"{\"findings\": \"现场开展的注射类项目与登记的医疗美容科目一致，主诊医师资质齐全。\"}", 200);
		assertThat(visited.get("parts").get(0).get("status").asString()).isEqualTo("FINDINGS");
		later(Duration.ofMinutes(11));
		assertThat(joint.relayDue()).isZero();
		market.stubFor(get(urlPathMatching("/api/joint-inspections/.*/findings"))
			.willReturn(okJson("{\"text\": \"价格公示不全，已责令改正。\", \"inspector\": \"市监-031\"}")));
		drug.stubFor(get(urlPathMatching("/api/joint-inspections/.*/findings"))
			.willReturn(okJson("{\"text\": \"透明质酸钠凝胶来源可追溯，未发现问题。\", \"inspector\": \"药监-007\"}")));
		later(Duration.ofMinutes(11));
		assertThat(joint.relayDue()).isEqualTo(2);

		view = read(id);
		assertThat(part(view, "HEALTH").get("findings").asString()).contains("主诊医师资质齐全");
		assertThat(part(view, "MARKET").get("findings").asString()).isEqualTo("价格公示不全，已责令改正。");
		assertThat(part(view, "DRUG").get("findings").asString()).isEqualTo("透明质酸钠凝胶来源可追溯，未发现问题。");
		assertThat(view.get("record")).extracting(s -> s.get("step").asString()).containsExactlyInAnyOrder("PLANNED",
				"SENT:MARKET", "SENT:DRUG", "FINDINGS:HEALTH", "FINDINGS:MARKET", "FINDINGS:DRUG");
		assertThat(view.get("recordIntact").get("intact").asBoolean()).isTrue();
		// all in: nothing more is sent or asked
		later(Duration.ofHours(2));
		assertThat(joint.relayDue()).isZero();
		market.verify(1, postRequestedFor(urlEqualTo("/api/joint-inspections")));
		drug.verify(2, postRequestedFor(urlEqualTo("/api/joint-inspections")));
		String page = mvc.perform(MockMvcRequestBuilders.get("/supervision/joint-inspections/" + id).with(basic("inspector")))
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).contains("主诊医师资质齐全", "价格公示不全", "透明质酸钠凝胶来源可追溯", "区市场监督管理局");
		assertThat(page).doesNotContain("id=\"visit-form\"");
		// the visit is recorded once
		assertThat(mvc.perform(MockMvcRequestBuilders.post("/api/supervision/joint-inspections/" + id + "/visit")
			.with(basic("inspector")).contentType(MediaType.APPLICATION_JSON).content("{\"findings\": \"再登记\"}"))
			.andReturn().getResponse().getStatus()).isEqualTo(409);
	}

	@Test
	void aPlanNamesARegisteredEntityAFutureDayAScopeAndKnownPartnersAndOnlyPlannersPlan() throws Exception {
		JsonNode refused = postJson("supervisor", "/api/supervision/joint-inspections", """
				{"uscc": "91310115MA1K3Y4N2X", "plannedOn": "2026-06-01", "scope": "", "partners": ["POLICE"]}""", 400);
		List<String> fields = new ArrayList<>();
		refused.get("errors").forEach(e -> fields.add(e.get("field").asString()));
		assertThat(fields).containsExactlyInAnyOrder("uscc", "plannedOn", "scope", "partners");
		// the page's form says the same beside each field, and keeps what was typed
		String page = mvc.perform(MockMvcRequestBuilders.post("/supervision/joint-inspections").with(basic("supervisor"))
			.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
			.param("uscc", "91310115MA1K3Y4N2X").param("plannedOn", "2026-06-01").param("scope", "<b>价格</b>")
			.param("partner", "MARKET")).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).contains("id=\"uscc-error\"", "id=\"plannedOn-error\"", "检查日期不能早于今天", "&lt;b&gt;价格&lt;/b&gt;")
			.doesNotContain("<b>价格</b>");
		assertThat(mvc.perform(MockMvcRequestBuilders.post("/api/supervision/joint-inspections").with(basic("inspector"))
			.contentType(MediaType.APPLICATION_JSON).content("{}")).andReturn().getResponse().getStatus()).isEqualTo(403);
	}
}
