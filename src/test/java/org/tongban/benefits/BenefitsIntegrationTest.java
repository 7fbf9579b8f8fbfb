package org.tongban.benefits;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.SplittableRandom;

import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.tongban.identity.AccountManagement;
import org.tongban.identity.Role;
import org.tongban.support.TestClock;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole application on the suite's database with the synthetic Pudong of the suite (a few thousand residents).
 * Tests add people of their own, with Pudong's code 310115 the generator never uses, and the register entries
 * their case needs. Staff: {@code primary} (基层处: health checks, family doctors), {@code publichealth} (公卫处:
 * two-cancer screening), {@code family} (人口家发处: pre-pregnancy checks).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
abstract class BenefitsIntegrationTest {

	static final String PASSWORD = "Resident-check-2026!";
	private static final SplittableRandom RANDOM = new SplittableRandom();

	@Autowired
	MockMvc mvc;

	@Autowired
	TestClock clock;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JsonMapper json;

	@Autowired
	AccountManagement accounts;

	@Autowired
	Matcher matcher;

	@Autowired
	FullRun fullRun;

	@Autowired
	Explainer explainer;

	@Autowired
	Programmes programmes;

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	static RequestPostProcessor basic(String username) {
		return httpBasic(username, "tongban-demo");
	}

	static RequestPostProcessor resident(String username) {
		return httpBasic(username, PASSWORD);
	}

	/** A valid Pudong ID number (310115) for someone born on {@code birth}, never used before in this JVM. */
	static String idNumber(LocalDate birth, boolean woman) {
		int seq;
		synchronized (RANDOM) {
			seq = RANDOM.nextInt(500) * 2 + (woman ? 0 : 1);
		}
		String id = SyntheticPudong.withCheckDigit("310115" + birth.toString().replace("-", "") + String.format("%03d", seq));
		return USED.add(id) ? id : idNumber(birth, woman);
	}

	private static final java.util.Set<String> USED = java.util.concurrent.ConcurrentHashMap.newKeySet();

	/** A resident in the population register. */
	String person(LocalDate birth, boolean woman, boolean householdLocal, String street) {
		String id = idNumber(birth, woman);
		jdbc.sql("DELETE FROM benefits_person WHERE id_number = ?").param(id).update();
		jdbc.sql("INSERT INTO benefits_person (id_number, sex, birth_date, household_local, street, recorded_on, source) "
				+ "VALUES (?, ?, ?, ?, ?, ?, '公安人口库（测试）')")
			.params(id, woman ? "F" : "M", birth, householdLocal, street, clock.today().minusDays(5)).update();
		return id;
	}

	void status(String id, String kind, LocalDate since, LocalDate until) {
		jdbc.sql("INSERT INTO benefits_status (id_number, kind, since, until, source) VALUES (?, ?, ?, ?, '测试来源')")
			.params(id, kind, since, until).update();
	}

	void service(String id, String kind, LocalDate on) {
		jdbc.sql("INSERT INTO benefits_service (id_number, kind, served_on, institution, source) VALUES (?, ?, ?, '区妇幼保健所', '区卫生健康信息平台（测试）')")
			.params(id, kind, on).update();
	}

	void contract(String id, LocalDate signed) {
		jdbc.sql("INSERT INTO benefits_contract (id_number, signed_on, institution, source) VALUES (?, ?, '花木街道社区卫生服务中心', '签约系统（测试）')")
			.params(id, signed).update();
	}

	void move(String id, String street) {
		jdbc.sql("UPDATE benefits_person SET street = ? WHERE id_number = ?").params(street, id).update();
	}

	/** A citizen account for this person, so that the inbox can reach them. */
	String account(String id) {
		String username = ("res-" + id.substring(6, 14) + "-" + id.substring(14)).toLowerCase();
		accounts.create(new AccountManagement.NewAccount(username, "测试居民", PASSWORD, EnumSet.of(Role.CITIZEN), null, id,
				null, null));
		return username;
	}

	JsonNode read(RequestPostProcessor who, String path, int expected) throws Exception {
		String out = mvc.perform(get(path).with(who)).andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().is(expected)).andReturn().getResponse()
			.getContentAsString();
		return out.isEmpty() ? null : json.readTree(out);
	}

	JsonNode send(RequestPostProcessor who, String path, String body, int expected) throws Exception {
		String out = mvc.perform(post(path).with(who).contentType(MediaType.APPLICATION_JSON).content(body))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().is(expected)).andReturn().getResponse().getContentAsString();
		return out.isEmpty() ? null : json.readTree(out);
	}

	/** Whether both evaluators say the person qualifies (and fails when they disagree). */
	boolean eligible(String programme, String id) {
		Rule rule = programmes.current(programme, clock.today());
		boolean bySql = matcher.eligibleAmong(rule, java.util.List.of(id)).contains(id);
		boolean byCel = explainer.holds(rule, new DemoRegisters(jdbc).file(id).orElseThrow(), clock.today());
		org.assertj.core.api.Assertions.assertThat(bySql).as("SQL and CEL agree on " + id).isEqualTo(byCel);
		return bySql;
	}

	long messagesTo(String username) {
		return jdbc.sql("SELECT count(*) FROM notification_message WHERE recipient_username = ? AND dedup_key LIKE 'benefits:%'")
			.param(username).query(Long.class).single();
	}
}
