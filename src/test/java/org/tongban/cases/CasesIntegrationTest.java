package org.tongban.cases;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.UUID;


import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.tongban.support.Applying;
import org.tongban.support.TestClock;

/**
 * The whole application on the suite's shared database. Cases belong to the demo applicants "citizen" and
 * "enterprise"; every test uses fresh idempotency keys, and counts only its own cases.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
abstract class CasesIntegrationTest {

	static final String CITIZEN_ID = "310115198503151230";
	static final String ENTERPRISE_USCC = "91310115MA1K3Y4N2N";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestClock clock;

	@Autowired
	CaseApplications applications;

	static RequestPostProcessor basic(String username) {
		return httpBasic(username, "tongban-demo");
	}

	static String key() {
		return UUID.randomUUID().toString();
	}

	static String citizenBody(String item, String situation, String note) {
		return """
				{"itemCode": "%s", "situation": "%s",
				 "applicant": {"kind": "PERSON", "idNumber": "%s", "name": "张三"},
				 "form": {"phone": "13800000000", "note": "%s"}}""".formatted(item, situation, CITIZEN_ID, note);
	}

	static MockHttpServletRequestBuilder apply(String key, String body) {
		MockHttpServletRequestBuilder request = post("/api/cases").contentType(MediaType.APPLICATION_JSON).content(body);
		return key == null ? request : request.header("Idempotency-Key", key);
	}

	/** Drafts, uploads every required material and submits (see {@link Applying}); returns the case id. */
	String submitWithMaterials(String user, String body) throws Exception {
		return Applying.submitWithMaterials(mvc, applications, user, body);
	}

	long casesWithKey(String owner, String key) {
		return jdbc.sql("""
				SELECT count(DISTINCT c.id) FROM cases_case c JOIN cases_idempotency k ON k.case_id = c.id
				WHERE k.owner = ? AND k.key = ?""").params(owner, key).query(Long.class).single();
	}

	static String id(String json) {
		return json.replaceAll("(?s).*\"id\":\"([0-9a-f-]+)\".*", "$1");
	}
}
