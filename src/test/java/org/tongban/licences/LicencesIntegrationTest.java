package org.tongban.licences;

import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.tongban.support.Applying;
import org.tongban.support.TestClock;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.support.TransactionTemplate;
import org.tongban.cases.Case;
import org.tongban.cases.CaseDecided;
import org.tongban.cases.CaseId;
import org.tongban.cases.CaseRecords;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole application on the suite's shared database: a real case is applied for through the API, then
 * the grant is published as the handling code will publish it, and the licence issued from it is awaited.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
abstract class LicencesIntegrationTest {

	static final String CITIZEN_ID = "310115198503151230";
	static final String ENTERPRISE_USCC = "91310115MA1K3Y4N2N";

	@Autowired
	MockMvc mvc;

	@Autowired
	TestClock clock;

	@Autowired
	org.tongban.cases.CaseApplications applications;

	@Autowired
	CaseRecords caseRecords;

	@Autowired
	Licences licences;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate tx;

	@Autowired
	JsonMapper json;

	static RequestPostProcessor basic(String username) {
		return httpBasic(username, "tongban-demo");
	}

	static RequestPostProcessor from(String ip) {
		return request -> {
			request.setRemoteAddr(ip);
			return request;
		};
	}

	static String randomIp() {
		UUID u = UUID.randomUUID();
		return "10." + (u.hashCode() & 0xff) + "." + ((u.hashCode() >> 8) & 0xff) + "." + ((u.hashCode() >> 16) & 0xff);
	}

	/** Applies as "citizen" (or "enterprise") through POST /api/cases; returns the case. */
	Case apply(String username, String item, String situation, Map<String, String> form) throws Exception {
		String applicant = username.equals("enterprise")
				? "{\"kind\": \"ENTERPRISE\", \"uscc\": \"" + ENTERPRISE_USCC + "\", \"name\": \"示例\", \"agentName\": \"李四\"}"
				: "{\"kind\": \"PERSON\", \"idNumber\": \"" + CITIZEN_ID + "\", \"name\": \"张三\"}";
		String body = "{\"itemCode\": \"" + item + "\", \"situation\": \"" + situation + "\", \"applicant\": " + applicant
				+ ", \"form\": " + json.writeValueAsString(applications.sampleForm(item, situation, withPhone(form))) + "}";
		UUID id = UUID.fromString(Applying.submitWithMaterials(mvc, applications, username, body));
		return caseRecords.find(new CaseId(id)).orElseThrow();
	}

	/** Every application names a contact phone. */
	private static Map<String, String> withPhone(Map<String, String> form) {
		Map<String, String> all = new java.util.LinkedHashMap<>(form);
		all.putIfAbsent("phone", "13800000000");
		return all;
	}

	/** Publishes the decision as handling will: inside a transaction, so the listener runs after commit. */
	void decide(Case c, boolean granted, Instant at) {
		tx.executeWithoutResult(s -> events.publishEvent(new CaseDecided(c.id(), c.itemCode(), c.itemName(),
				c.situation(), c.situationName(), granted, c.applicant(), at, granted ? null : "材料不全", false,
				c.channel())));
	}

	Licence grantAndAwait(Case c, Instant at) {
		decide(c, true, at);
		return await().atMost(Duration.ofSeconds(20)).until(() -> licences.forCase(c.id()), Optional::isPresent).get();
	}

	Licence issue(String username, String item, String situation) throws Exception {
		return grantAndAwait(apply(username, item, situation, Map.of("note", "证照测试")), clock.instant());
	}
}
