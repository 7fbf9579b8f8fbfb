package org.tongban.feedback;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDateTime;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.ResultActions;

import com.github.tomakehurst.wiremock.WireMockServer;

import tools.jackson.databind.json.JsonMapper;

/**
 * 转 12345: the 审批服务中心 hands a 办不成事 it cannot settle to the 12345 hotline (a WireMock here). The hand-over is
 * sent after commit; when the hotline is down or slow it waits as “转办待重试” and the scheduled job sends it again
 * under the same dispatch id; the hotline's answer comes back once, however often it is sent.
 */
class HandingTicketsToTheHotlineTests extends FeedbackIntegrationTest {

	static final WireMockServer hotline = new WireMockServer(options().dynamicPort());
	static final String SECRET = "hotline-callback-secret-for-tests";

	static {
		hotline.start();
	}

	@DynamicPropertySource
	static void hotline(DynamicPropertyRegistry registry) {
		registry.add("tongban.feedback.hotline.base-url", () -> "http://localhost:" + hotline.port() + "/api");
		registry.add("tongban.feedback.hotline.token", () -> "outbound-token");
		registry.add("tongban.feedback.hotline.callback-token", () -> SECRET);
		registry.add("tongban.feedback.hotline.timeout", () -> "PT1S");
	}

	@AfterAll
	static void stop() {
		hotline.stop();
	}

	@Autowired
	HotlineDispatches dispatches;

	@Autowired
	JsonMapper json;

	@BeforeEach
	void reset() {
		hotline.resetAll();
	}

	@Test
	void theHotlineTakesTheHandOverAndAnswersOnceThoughItCallsTwice() throws Exception {
		hotline.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(urlEqualTo("/api/handovers"))
			.willReturn(okJson("{\"reference\": \"SH12345-0001\"}")));
		UUID id = ticket();
		handOver(id).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("HANDED_OVER"));
		String dispatch = read(id).andExpect(jsonPath("$.hotline.status").value("SENT"))
			.andExpect(jsonPath("$.hotline.hotlineRef").value("SH12345-0001"))
			.andExpect(jsonPath("$.hotline.label").value("已转 12345 热线，等待答复"))
			.andReturn().getResponse().getContentAsString().replaceAll("(?s).*\"dispatchId\":\"([0-9a-f-]{36})\".*", "$1");
		hotline.verify(1, postRequestedFor(urlEqualTo("/api/handovers")).withHeader("Authorization", equalTo("Bearer outbound-token"))
			.withHeader("Idempotency-Key", equalTo(dispatch)).withRequestBody(matchingJsonPath("$.dispatchId", equalTo(dispatch)))
			.withRequestBody(matchingJsonPath("$.contact", equalTo("13912345678"))));
		// nothing left to send
		assertThat(dispatches.retryDue()).isZero();

		reply(null, dispatch).andExpect(status().isForbidden());
		reply("wrong-secret", dispatch).andExpect(status().isForbidden());
		reply(SECRET, dispatch).andExpect(status().isOk()).andExpect(jsonPath("$.recorded").value(true));
		reply(SECRET, dispatch).andExpect(status().isOk()).andExpect(jsonPath("$.recorded").value(false));
		reply(SECRET, UUID.randomUUID().toString()).andExpect(status().isNotFound());
		read(id).andExpect(jsonPath("$.status").value("REPLIED"))
			.andExpect(jsonPath("$.reply").value("12345 热线答复：已协调区市场监管局出具证明"))
			.andExpect(jsonPath("$.hotline.status").value("ANSWERED"));
		assertThat(jdbc.sql("SELECT count(*) FROM feedback_ticket_step WHERE ticket_id = ? AND action = 'hotline-reply'")
			.param(id).query(Long.class).single()).isEqualTo(1);
		assertThat(jdbc.sql("SELECT string_agg(action, ',' ORDER BY id) FROM feedback_ticket_step WHERE ticket_id = ?")
			.param(id).query(String.class).single()).isEqualTo("file,handover,hotline-sent,hotline-reply");
	}

	@Test
	void aHotlineThatIsDownGetsTheSameHandOverLater() throws Exception {
		hotline.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(urlEqualTo("/api/handovers"))
			.willReturn(aResponse().withStatus(503)));
		UUID id = ticket();
		handOver(id).andExpect(status().isOk());
		read(id).andExpect(jsonPath("$.status").value("HANDED_OVER")).andExpect(jsonPath("$.hotline.status").value("PENDING"))
			.andExpect(jsonPath("$.hotline.attempts").value(1)).andExpect(jsonPath("$.hotline.label").value("转办待重试"));
		mvc.perform(get("/feedback/tickets/{id}", id).with(basic("clerk"))).andExpect(status().isOk())
			.andExpect(content().string(containsString("转办待重试")));
		// not yet due: the job waits a minute after the first failure
		assertThat(dispatches.retryDue()).isZero();
		hotline.verify(1, postRequestedFor(urlEqualTo("/api/handovers")));

		hotline.resetAll();
		hotline.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(urlEqualTo("/api/handovers"))
			.willReturn(okJson("{\"reference\": \"SH12345-0002\"}")));
		clock.travelTo(LocalDateTime.now(clock).plusMinutes(2));
		assertThat(dispatches.retryDue()).isEqualTo(1);
		String dispatch = jdbc.sql("SELECT id::text FROM feedback_hotline_dispatch WHERE ticket_id = ?").param(id)
			.query(String.class).single();
		hotline.verify(1, postRequestedFor(urlEqualTo("/api/handovers")).withHeader("Idempotency-Key", equalTo(dispatch)));
		read(id).andExpect(jsonPath("$.hotline.status").value("SENT")).andExpect(jsonPath("$.hotline.attempts").value(2));
	}

	@Test
	void aSlowHotlineTimesOutAndIsTriedAgain() throws Exception {
		hotline.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(urlEqualTo("/api/handovers"))
			.willReturn(okJson("{\"reference\": \"SH12345-late\"}").withFixedDelay(3000)));
		UUID id = ticket();
		handOver(id).andExpect(status().isOk());
		read(id).andExpect(jsonPath("$.hotline.label").value("转办待重试"))
			.andExpect(jsonPath("$.hotline.lastError").isNotEmpty());
		hotline.resetAll();
		hotline.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(urlEqualTo("/api/handovers"))
			.willReturn(okJson("{\"reference\": \"SH12345-0003\"}")));
		clock.travelTo(LocalDateTime.now(clock).plusMinutes(2));
		assertThat(dispatches.retryDue()).isEqualTo(1);
		read(id).andExpect(jsonPath("$.hotline.hotlineRef").value("SH12345-0003"));
		// a second hand-over of the same ticket is refused while the first is open
		handOver(id).andExpect(status().isConflict());
	}

	UUID ticket() throws Exception {
		String body = mvc.perform(post("/api/feedback/tickets").with(r -> {
			r.setRemoteAddr("192.0.2." + (1 + Math.floorMod(UUID.randomUUID().hashCode(), 250)));
			return r;
		}).contentType(MediaType.APPLICATION_JSON).content("""
				{"text": "开诊所要区市场监管局的证明，窗口说不归他们管", "contact": "13912345678", "where": "窗口"}"""))
			.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
		return UUID.fromString(json.readTree(body).get("id").asString());
	}

	ResultActions handOver(UUID id) throws Exception {
		return mvc.perform(post("/api/feedback/tickets/{id}/actions/handover", id).with(basic("clerk"))
				.contentType(MediaType.APPLICATION_JSON).content("{\"note\": \"需市场监管部门协调\"}"));
	}

	ResultActions read(UUID id) throws Exception {
		return mvc.perform(get("/api/feedback/tickets/{id}", id).with(basic("clerk"))).andExpect(status().isOk());
	}

	ResultActions reply(String secret, String dispatch) throws Exception {
		var request = post("/api/feedback/hotline/replies").contentType(MediaType.APPLICATION_JSON)
			.content("{\"dispatchId\": \"" + dispatch + "\", \"result\": \"已协调区市场监管局出具证明\", \"reference\": \"SH12345-0001\"}");
		if (secret != null) {
			request.header("X-Hotline-Token", secret);
		}
		return mvc.perform(request);
	}
}
