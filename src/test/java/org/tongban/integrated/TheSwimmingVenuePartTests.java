package org.tongban.integrated;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;
import org.tongban.cases.Case;
import org.tongban.cases.CaseDecided;
import org.tongban.cases.CaseId;
import org.tongban.cases.CaseRecords;
import org.tongban.cases.Channel;
import org.tongban.support.Applying;
import org.tongban.support.TestClock;
import tools.jackson.databind.JsonNode;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

/**
 * 一业一证 cooperating industry (游泳馆, lead: 区体育局, a WireMock here): the lead's system hands over the commission's
 * part (公共场所卫生许可), which becomes an ordinary case; its result goes back after commit, and when the lead is slow
 * the result waits and is sent again under the same Idempotency-Key, so the lead records it once.
 */
class TheSwimmingVenuePartTests extends IntegratedIntegrationTest {

	static final WireMockServer lead = new WireMockServer(options().dynamicPort());
	static final String SECRET = "sports-inbound-secret-for-tests";

	static {
		lead.start();
	}

	@DynamicPropertySource
	static void lead(DynamicPropertyRegistry registry) {
		registry.add("tongban.integrated.leads.swimming-venue.base-url", () -> "http://localhost:" + lead.port());
		registry.add("tongban.integrated.leads.swimming-venue.token", () -> "to-sports");
		registry.add("tongban.integrated.leads.swimming-venue.inbound-token", () -> SECRET);
		registry.add("tongban.integrated.leads.swimming-venue.timeout", () -> "PT1S");
	}

	@AfterAll
	static void stop() {
		lead.stop();
	}

	@Autowired
	PartnerParts parts;

	@Autowired
	CaseRecords cases;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate tx;

	@Autowired
	TestClock clock;

	@Test
	void thePartBecomesACaseAndItsResultReachesTheLeadOnceAfterATimeout() throws Exception {
		String reference = "TY-" + UUID.randomUUID();
		String body = handOver(reference);
		mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/api/integrated/partner-parts")
			.contentType(MediaType.APPLICATION_JSON).content(body).header("X-Lead-Token", "wrong"))
			.andExpect(status().isForbidden());
		JsonNode received = json.readTree(mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
			.post("/api/integrated/partner-parts").contentType(MediaType.APPLICATION_JSON).content(body)
			.header("X-Lead-Token", SECRET)).andExpect(status().isCreated()).andReturn().getResponse()
			.getContentAsString(StandardCharsets.UTF_8));
		assertThat(received).hasSize(1);
		assertThat(received.get(0).get("itemCode").asString()).isEqualTo("PD-WJW-XK-005");
		Case c = cases.find(new CaseId(UUID.fromString(received.get(0).get("caseId").asString()))).orElseThrow();
		assertThat(c.channel()).isEqualTo(Channel.PARTNER);
		assertThat(c.situation()).isEqualTo("NEW_SWIMMING");

		// the lead retries its hand-over: the same part, no second case
		JsonNode again = json.readTree(mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
			.post("/api/integrated/partner-parts").contentType(MediaType.APPLICATION_JSON).content(body)
			.header("X-Lead-Token", SECRET)).andExpect(status().isCreated()).andReturn().getResponse()
			.getContentAsString(StandardCharsets.UTF_8));
		assertThat(again.get(0).get("caseId").asString()).isEqualTo(c.id().toString());

		// the lead is slow: the first try times out and the result waits
		lead.stubFor(post(urlPathMatching("/parts/.*/result")).willReturn(aResponse().withStatus(200).withFixedDelay(3000)));
		tx.executeWithoutResult(s -> events.publishEvent(new CaseDecided(c.id(), c.itemCode(), c.itemName(), c.situation(),
				c.situationName(), false, c.applicant(), clock.instant(), "池水循环净化设备配置不符合要求", false, c.channel())));
		await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql("SELECT coalesce(max(attempts), 0) FROM "
				+ "integrated_partner_result r JOIN integrated_partner_part p ON p.id = r.part_id WHERE p.reference = ?")
			.param(reference).query(Integer.class).single() == 1);
		assertThat(pending(reference)).isEqualTo(1);

		// it answers again: the retry is taken, under the same key as the first try
		lead.resetAll();
		lead.stubFor(post(urlPathMatching("/parts/.*/result")).willReturn(aResponse().withStatus(200)));
		clock.travelTo(java.time.LocalDateTime.of(2026, 6, 15, 11, 0));
		try {
			parts.retryDue();
		}
		finally {
			clock.reset();
		}
		assertThat(pending(reference)).isZero();
		List<LoggedRequest> sent = lead.findAll(postRequestedFor(urlPathMatching("/parts/" + reference + "/result"))
			.withRequestBody(matchingJsonPath("$.granted", com.github.tomakehurst.wiremock.client.WireMock.equalTo("false"))));
		assertThat(sent).hasSize(1);
		assertThat(sent.get(0).getHeader("Idempotency-Key")).isNotBlank();
		assertThat(sent.get(0).getHeader("Authorization")).isEqualTo("Bearer to-sports");
	}

	private long pending(String reference) {
		return jdbc.sql("SELECT count(*) FROM integrated_partner_result r JOIN integrated_partner_part p ON p.id = r.part_id "
				+ "WHERE p.reference = ? AND r.status = 'PENDING'").param(reference).query(Long.class).single();
	}

	private String handOver(String reference) throws Exception {
		Map<String, Object> answers = Map.of("indoor", true, "poolArea", 800, "centralAirCon", false, "lifeguards", 4);
		MergedApplication merged = packages.merge("SWIMMING_VENUE", answers);
		Map<String, Object> form = new LinkedHashMap<>();
		merged.fields().forEach(f -> {
			Object v = f.prefilled() != null ? f.prefilled() : f.sample();
			form.put(f.name(), v != null ? v : switch (f.type()) {
				case "uscc" -> "91310115MA1K3Y4N2N";
				case "phone" -> "021-68541234";
				case "number" -> "1";
				default -> "上海浦东示例游泳馆";
			});
		});
		List<Map<String, String>> documents = new ArrayList<>();
		for (MergedApplication.MergedMaterial m : merged.materials()) {
			if (m.heldBy() == null || m.heldBy().isBlank()) {
				documents.add(Map.of("code", m.code(), "filename", m.code() + ".pdf", "content",
						Base64.getEncoder().encodeToString(Applying.scan(m.code()))));
			}
		}
		return write(Map.of("reference", reference, "packageCode", "SWIMMING_VENUE", "answers", answers, "applicant",
				Map.of("uscc", "91310115MA1K3Y4N2N", "name", "上海浦东示例游泳馆有限公司", "agentName", "李四"), "form", form,
				"phone", "13800000007", "documents", documents));
	}
}
