package org.tongban.supervision;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.github.tomakehurst.wiremock.WireMockServer;

import tools.jackson.databind.JsonNode;

/**
 * 联合检查 (plan task 27): medical beauty inspected once with market regulation (SAMR) and drug administration (DRUG),
 * both WireMocks here. The plan reaches each partner after commit; a partner that is down or slow gets it again
 * later under the same share id (its idempotency key), never twice; each authority's findings are recorded once.
 */
class InspectingJointlyTests extends SupervisionIntegrationTest {

	static final WireMockServer partners = new WireMockServer(options().dynamicPort());
	static final String SAMR_SECRET = "samr-callback-secret-for-tests";

	static {
		partners.start();
	}

	@DynamicPropertySource
	static void partners(DynamicPropertyRegistry registry) {
		for (String code : List.of("samr", "drug")) {
			registry.add("tongban.supervision.partners." + code + ".base-url",
					() -> "http://localhost:" + partners.port() + "/" + code);
			registry.add("tongban.supervision.partners." + code + ".token", () -> code + "-outbound-token");
			registry.add("tongban.supervision.partners." + code + ".timeout", () -> "PT1S");
		}
		registry.add("tongban.supervision.partners.samr.callback-token", () -> SAMR_SECRET);
	}

	@AfterAll
	static void stop() {
		partners.stop();
	}

	@Autowired
	JointInspections joints;

	@Autowired
	EnforcementRecords records;

	@BeforeEach
	void reset() {
		partners.resetAll();
	}

	private String plan(String... usccs) {
		return """
				{"title": "医疗美容联合检查", "sector": "MEDICAL_BEAUTY", "visitOn": "2026-06-22",
				 "authorities": ["SAMR", "DRUG"], "usccs": [%s]}""".formatted(String.join(", ",
				java.util.Arrays.stream(usccs).map(u -> "\"" + u + "\"").toList()));
	}

	private MockHttpServletResponse send(String user, String path, String body) throws Exception {
		return mvc.perform(post(path).with(basic(user)).contentType(MediaType.APPLICATION_JSON).content(body)).andReturn()
			.getResponse();
	}

	private MockHttpServletResponse partner(String token, String id, String body) throws Exception {
		var request = post("/api/supervision/joint-inspections/{id}/partner-findings", id)
			.contentType(MediaType.APPLICATION_JSON).content(body);
		if (token != null) {
			request.header("X-Partner-Token", token);
		}
		return mvc.perform(request).andReturn().getResponse();
	}

	private JsonNode body(MockHttpServletResponse response, int expected) throws Exception {
		String text = response.getContentAsString(StandardCharsets.UTF_8);
		assertThat(response.getStatus()).as(text).isEqualTo(expected);
		return json.readTree(text);
	}

	private JsonNode read(String id) throws Exception {
		return body(mvc.perform(get("/api/supervision/joint-inspections/{id}", id).with(basic("inspector"))).andReturn()
			.getResponse(), 200);
	}

	private static JsonNode share(JsonNode joint, String authority) {
		for (JsonNode s : joint.get("shares")) {
			if (s.get("authority").asString().equals(authority)) {
				return s;
			}
		}
		throw new AssertionError("no share for " + authority);
	}

	@Test
	void onePlanReachesBothPartnersAndEachAuthorityRecordsItsFindingsOnce() throws Exception {
		partners.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(urlEqualTo("/samr/joint-plans"))
			.willReturn(okJson("{\"reference\": \"SAMR-2026-001\"}")));
		partners.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(urlEqualTo("/drug/joint-plans"))
			.willReturn(okJson("{\"reference\": \"YJ-88\"}")));
		String clinic = newUscc();
		register(clinic, "MEDICAL_BEAUTY");
		String id = body(send("supervisor", "/api/supervision/joint-inspections", plan(clinic)), 201).get("id").asString();

		JsonNode joint = read(id);
		assertThat(share(joint, "SAMR").get("status").asString()).isEqualTo("SHARED");
		assertThat(share(joint, "SAMR").get("partnerRef").asString()).isEqualTo("SAMR-2026-001");
		assertThat(share(joint, "DRUG").get("partnerRef").asString()).isEqualTo("YJ-88");
		String samrShare = share(joint, "SAMR").get("id").asString();
		partners.verify(1, postRequestedFor(urlEqualTo("/samr/joint-plans"))
			.withHeader("Authorization", equalTo("Bearer samr-outbound-token"))
			.withHeader("Idempotency-Key", equalTo(samrShare))
			.withRequestBody(matchingJsonPath("$.entities[0].uscc", equalTo(clinic)))
			.withRequestBody(matchingJsonPath("$.visitOn", equalTo("2026-06-22"))));
		joints.retryDue();
		partners.verify(1, postRequestedFor(urlEqualTo("/samr/joint-plans")).withHeader("Idempotency-Key", equalTo(samrShare)));

		// the commission's inspector records its own findings; the market regulator sends its own
		String own = "{\"uscc\": \"%s\", \"outcome\": \"NON_COMPLIANT\", \"findings\": \"未按核定科目开展美容外科项目\"}".formatted(clinic);
		assertThat(body(send("inspector", "/api/supervision/joint-inspections/" + id + "/findings", own), 201)
			.get("recorded").asBoolean()).isTrue();
		String theirs = "{\"authority\": \"SAMR\", \"uscc\": \"%s\", \"outcome\": \"COMPLIANT\", \"findings\": \"价格公示规范\", \"reference\": \"SAMR-F-1\"}"
			.formatted(clinic);
		assertThat(body(partner(SAMR_SECRET, id, theirs), 201).get("recorded").asBoolean()).isTrue();
		// sent twice: recorded once; a different finding afterwards is refused
		assertThat(body(partner(SAMR_SECRET, id, theirs), 200).get("recorded").asBoolean()).isFalse();
		assertThat(body(partner(SAMR_SECRET, id, theirs.replace("价格公示规范", "改了")), 409).get("detail").asString())
			.contains("不能更改");
		// without the partner's secret, or as another partner with the market regulator's secret: refused
		body(partner(null, id, theirs), 403);
		body(partner("wrong", id, theirs), 403);
		body(partner(SAMR_SECRET, id, theirs.replace("\"SAMR\"", "\"DRUG\"")), 403);

		JsonNode visit = read(id).get("visits").get(0);
		List<String> found = new ArrayList<>();
		visit.get("findings").forEach(f -> found.add(f.get("authority").asString() + ":" + f.get("outcome").asString()));
		assertThat(found).containsExactly("HEALTH:NON_COMPLIANT", "SAMR:COMPLIANT");

		// the full-process record: planned, shared twice, two findings (evidence hashed), and the chain holds
		var steps = records.of(EnforcementRecords.Subject.JOINT_INSPECTION, UUID.fromString(id));
		assertThat(steps).extracting(EnforcementRecords.Step::step)
			.containsExactlyInAnyOrder("PLANNED", "SHARED", "SHARED", "FINDING", "FINDING");
		assertThat(steps.stream().filter(s -> s.step().equals("FINDING")).map(EnforcementRecords.Step::evidenceSm3))
			.allMatch(h -> h != null && h.length() == 64);
		assertThat(records.verify(EnforcementRecords.Subject.JOINT_INSPECTION, UUID.fromString(id)).intact()).isTrue();
	}

	@Test
	void aPartnerThatIsDownOrSlowGetsThePlanLaterUnderTheSameKeyAndOnlyOnce() throws Exception {
		partners.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(urlEqualTo("/drug/joint-plans"))
			.willReturn(aResponse().withStatus(503)));
		partners.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(urlEqualTo("/samr/joint-plans"))
			.willReturn(okJson("{\"reference\": \"late\"}").withFixedDelay(2500)));
		String clinic = newUscc();
		register(clinic, "MEDICAL_BEAUTY");
		String id = body(send("supervisor", "/api/supervision/joint-inspections", plan(clinic)), 201).get("id").asString();

		JsonNode waiting = read(id);
		for (String a : List.of("SAMR", "DRUG")) {
			assertThat(share(waiting, a).get("status").asString()).as(a).isEqualTo("PENDING");
			assertThat(share(waiting, a).get("attempts").asInt()).as(a).isEqualTo(1);
			assertThat(share(waiting, a).get("lastError").asString()).as(a).isNotBlank();
		}
		// not due yet: the first retry waits a minute
		joints.retryDue();
		assertThat(share(read(id), "DRUG").get("attempts").asInt()).isEqualTo(1);

		partners.resetAll();
		partners.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(urlEqualTo("/drug/joint-plans"))
			.willReturn(okJson("{\"reference\": \"YJ-2\"}")));
		partners.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(urlEqualTo("/samr/joint-plans"))
			.willReturn(okJson("{\"reference\": \"SAMR-2\"}")));
		clock.travelTo(LocalDateTime.of(2026, 6, 15, 10, 2));
		// (other tests' plans may be due too: the suite shares one database)
		assertThat(joints.retryDue()).isGreaterThanOrEqualTo(2);
		joints.retryDue();

		JsonNode shared = read(id);
		for (String a : List.of("SAMR", "DRUG")) {
			assertThat(share(shared, a).get("status").asString()).as(a).isEqualTo("SHARED");
			String key = share(shared, a).get("id").asString();
			partners.verify(1, postRequestedFor(urlEqualTo("/" + a.toLowerCase() + "/joint-plans"))
				.withHeader("Idempotency-Key", equalTo(key)));
		}
	}

	@Test
	void aBadPlanIsRefusedFieldByFieldAndNothingIsSaved() throws Exception {
		long before = jdbc.sql("SELECT count(*) FROM supervision_joint_inspection").query(Long.class).single();
		JsonNode empty = body(send("supervisor", "/api/supervision/joint-inspections", "{}"), 400);
		assertThat(fields(empty)).containsExactlyInAnyOrder("title", "sector", "visitOn", "authorities", "usccs");

		String pool = newUscc();
		register(pool, "PUBLIC_PLACE");
		String bad = """
				{"title": "检查", "sector": "MEDICAL_BEAUTY", "visitOn": "2026-06-01",
				 "authorities": ["SAMR", "POLICE", "SAMR"], "usccs": ["%s", "%s"]}""".formatted(pool, newUscc());
		JsonNode problem = body(send("supervisor", "/api/supervision/joint-inspections", bad), 400);
		assertThat(fields(problem)).containsExactlyInAnyOrder("visitOn", "authorities[1]", "authorities[2]", "usccs[0]",
				"usccs[1]");
		assertThat(problem.toString()).contains("不能早于今天", "不是可联合检查的部门", "不是本次检查的行业", "名录中没有");
		assertThat(jdbc.sql("SELECT count(*) FROM supervision_joint_inspection").query(Long.class).single()).isEqualTo(before);
	}

	@Test
	void onlyPlannersPlanAndOnlySupervisionStaffReadOrRecord() throws Exception {
		partners.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(com.github.tomakehurst.wiremock.client.WireMock.anyUrl())
			.willReturn(okJson("{\"reference\": \"R\"}")));
		String clinic = newUscc();
		register(clinic, "MEDICAL_BEAUTY");
		assertThat(send("inspector", "/api/supervision/joint-inspections", plan(clinic)).getStatus()).isEqualTo(403);
		assertThat(send("enterprise", "/api/supervision/joint-inspections", plan(clinic)).getStatus()).isEqualTo(403);
		String id = body(send("supervisor", "/api/supervision/joint-inspections", plan(clinic)), 201).get("id").asString();
		for (String user : List.of("citizen", "enterprise", "approver", "leader")) {
			assertThat(mvc.perform(get("/api/supervision/joint-inspections/{id}", id).with(basic(user))).andReturn()
				.getResponse().getStatus()).as(user).isEqualTo(403);
			assertThat(send(user, "/api/supervision/joint-inspections/" + id + "/findings",
					"{\"uscc\": \"%s\", \"outcome\": \"COMPLIANT\", \"findings\": \"x\"}".formatted(clinic)).getStatus())
				.as(user).isEqualTo(403);
		}
		// an entity that is not part of the plan
		JsonNode outside = body(send("inspector", "/api/supervision/joint-inspections/" + id + "/findings",
				"{\"uscc\": \"%s\", \"outcome\": \"MAYBE\", \"findings\": \" \"}".formatted(newUscc())), 400);
		assertThat(fields(outside)).containsExactlyInAnyOrder("uscc", "outcome", "findings");
		body(send("inspector", "/api/supervision/joint-inspections/" + UUID.randomUUID() + "/findings", "{}"), 404);
	}

	@Test
	void thePlannerPlansFromThePageAndTheInspectorRecordsThere() throws Exception {
		partners.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(com.github.tomakehurst.wiremock.client.WireMock.anyUrl())
			.willReturn(okJson("{\"reference\": \"R-1\"}")));
		String clinic = newUscc();
		register(clinic, "MEDICAL_BEAUTY");
		String location = mvc.perform(post("/supervision/joint-inspections").with(basic("supervisor")).with(csrf())
			.param("title", "<b>医美</b>联合检查").param("sector", "MEDICAL_BEAUTY").param("visitOn", "2026-06-23")
			.param("authorities", "SAMR").param("usccs", clinic + "\n"))
			.andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
		String page = mvc.perform(get(location).with(basic("inspector"))).andExpect(status().isOk()).andReturn()
			.getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).contains("&lt;b&gt;医美&lt;/b&gt;联合检查").contains("已送达").contains("尚未记录");
		String after = mvc.perform(post(location + "/findings").with(basic("inspector")).with(csrf()).param("uscc", clinic)
			.param("outcome", "COMPLIANT").param("findings", "资质齐全<script>x</script>")).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(after).contains("已记录本委").contains("资质齐全&lt;script&gt;").doesNotContain("<script>x");
		// a form without a date: the message beside the field
		String form = mvc.perform(post("/supervision/joint-inspections").with(basic("supervisor")).with(csrf())
			.param("title", "检查").param("sector", "MEDICAL_BEAUTY").param("authorities", "SAMR").param("usccs", clinic))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(form).contains("id=\"visitOn-error\"").contains("请填写联合检查日期");
	}

	private static List<String> fields(JsonNode problem) {
		List<String> out = new ArrayList<>();
		problem.get("errors").forEach(e -> out.add(e.get("field").asString()));
		return out;
	}
}
