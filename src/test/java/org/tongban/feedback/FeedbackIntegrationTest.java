package org.tongban.feedback;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.tongban.cases.CaseApplications;
import org.tongban.support.Applying;
import org.tongban.support.TestClock;

/**
 * The whole application on the suite's shared database: cases of the licensing item PD-WJW-XK-001 (生物医药处)
 * applied for by the demo citizen and taken through 受理 (clerk, 审批服务中心), 审查 (approver) and 决定 (approver2).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
abstract class FeedbackIntegrationTest {

	static final String ITEM = "PD-WJW-XK-001";

	@Autowired
	MockMvc mvc;

	@Autowired
	TestClock clock;

	@Autowired
	CaseApplications applications;

	@Autowired
	JdbcClient jdbc;

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	static RequestPostProcessor basic(String username) {
		return httpBasic(username, "tongban-demo");
	}

	String submitted() throws Exception {
		return Applying.submitWithMaterials(mvc, applications, "citizen", """
				{"itemCode": "%s", "situation": "NEW",
				 "applicant": {"kind": "PERSON", "idNumber": "310115198503151230", "name": "张三"},
				 "form": {"phone": "13800000000"}}""".formatted(ITEM));
	}

	/** A case the clerk opened at the window for the demo citizen (who has an account), with paper originals, submitted. */
	String submittedAtTheWindow() throws Exception {
		String json = mvc.perform(post("/api/window/cases").with(basic("clerk")).contentType(MediaType.APPLICATION_JSON)
				.content("""
						{"application": {"itemCode": "%s", "situation": "NEW",
						  "applicant": {"kind": "PERSON", "idNumber": "310115198503151230", "name": "张三"},
						  "form": {"phone": "13800000000"}}, "identityChecked": true}""".formatted(ITEM)))
			.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
		String id = json.replaceAll("(?s).*?\"id\":\"([0-9a-f-]{36})\".*", "$1");
		for (String material : applications.requiredUploads(ITEM, "NEW")) {
			mvc.perform(post("/api/cases/{id}/paper-materials", id).with(basic("clerk")).contentType(MediaType.APPLICATION_JSON)
					.content("{\"material\": \"" + material + "\"}")).andExpect(status().is2xxSuccessful());
		}
		mvc.perform(post("/api/cases/{id}/actions/submit", id).with(basic("clerk"))
				.header("Idempotency-Key", java.util.UUID.randomUUID().toString())).andExpect(status().is2xxSuccessful());
		return id;
	}

	String accepted() throws Exception {
		String id = submitted();
		act("clerk", id, "accept");
		return id;
	}

	String granted() throws Exception {
		String id = accepted();
		act("approver", id, "approve");
		act("approver2", id, "approve");
		return id;
	}

	void act(String user, String id, String action) throws Exception {
		mvc.perform(post("/api/cases/{id}/actions/{action}", id, action).with(basic(user))
				.contentType(MediaType.APPLICATION_JSON).content("{\"reason\": \"材料齐全，符合条件\"}"))
			.andExpect(status().isOk());
	}

	ResultActions rate(String user, String id, String body) throws Exception {
		return mvc.perform(post("/api/cases/{id}/ratings", id).with(basic(user)).contentType(MediaType.APPLICATION_JSON)
				.content(body));
	}

	static String rating(String stage, int level, String tags, String text) {
		return "{\"stage\": \"%s\", \"level\": %d, \"tags\": [%s], \"text\": %s}".formatted(stage, level, tags,
				text == null ? "null" : "\"" + text + "\"");
	}
}
