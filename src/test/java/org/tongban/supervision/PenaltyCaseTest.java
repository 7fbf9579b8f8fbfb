package org.tongban.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;

import tools.jackson.databind.JsonNode;

/** Penalty cases over the API: open, propose, review, decide, publish as the demo accounts. */
abstract class PenaltyCaseTest extends SupervisionIntegrationTest {

	MockHttpServletResponse call(String user, String path, String body) throws Exception {
		return mvc.perform(post(path).with(basic(user)).contentType(MediaType.APPLICATION_JSON).content(body)).andReturn()
			.getResponse();
	}

	MockHttpServletResponse read(String user, String path) throws Exception {
		return mvc.perform(get(path).with(basic(user))).andReturn().getResponse();
	}

	JsonNode expect(MockHttpServletResponse response, int status) throws Exception {
		String text = response.getContentAsString(StandardCharsets.UTF_8);
		assertThat(response.getStatus()).as(text).isEqualTo(status);
		return text.isEmpty() ? null : json.readTree(text);
	}

	/** A freshly registered entity of the sector and a case about it, opened by {@code handler}. */
	String open(String handler, String sector) throws Exception {
		String uscc = newUscc();
		register(uscc, sector);
		return open(handler, uscc, "现场检查发现涉嫌违法").get("id").asString();
	}

	JsonNode open(String handler, String uscc, String summary) throws Exception {
		return expect(call(handler, "/api/supervision/penalties", """
				{"uscc": "%s", "summary": "%s"}""".formatted(uscc, summary)), 201);
	}

	MockHttpServletResponse propose(String user, String id, String violation, String circumstance, Long fine,
			String reason, String... measures) throws Exception {
		StringBuilder ms = new StringBuilder();
		for (String m : measures) {
			ms.append(ms.length() == 0 ? "" : ", ").append('"').append(m).append('"');
		}
		return call(user, "/api/supervision/penalties/" + id + "/proposal", """
				{"violation": "%s", "circumstance": "%s", "measures": [%s], "fine": %s,
				 "facts": "经查，该单位 2 名从业人员未取得有效健康合格证明直接为顾客服务，有现场笔录和照片为证。",
				 "departureReason": %s}""".formatted(violation, circumstance, ms, fine == null ? "null" : fine,
				reason == null ? "null" : "\"" + reason + "\""));
	}

	MockHttpServletResponse decide(String user, String id) throws Exception {
		return call(user, "/api/supervision/penalties/" + id + "/decision",
				"{\"documentNumber\": \"浦卫监罚〔2026〕" + UUID.randomUUID().toString().substring(0, 8) + "号\"}");
	}

	MockHttpServletResponse review(String user, String id, String outcome) throws Exception {
		return call(user, "/api/supervision/penalties/" + id + "/review", """
				{"outcome": "%s", "opinion": "事实清楚，证据确凿，适用依据正确，程序合法。"}""".formatted(outcome));
	}

	static List<String> fields(JsonNode problem) {
		List<String> out = new ArrayList<>();
		problem.get("errors").forEach(e -> out.add(e.get("field").asString()));
		return out;
	}

	static List<String> strings(JsonNode array) {
		List<String> out = new ArrayList<>();
		array.forEach(e -> out.add(e.asString()));
		return out;
	}
}
