package org.tongban.supervision;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Set;
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
 * The whole application on the suite's database, with the demo district (3,000 entities in the suite, 120
 * inspectors); the planner is the demo account {@code supervisor}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
abstract class SupervisionIntegrationTest {

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
	Inspectors inspectors;

	private static final SplittableRandom RANDOM = new SplittableRandom();

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	static RequestPostProcessor basic(String username) {
		return httpBasic(username, "tongban-demo");
	}

	/** A fresh valid USCC no other test uses. */
	static String newUscc() {
		synchronized (RANDOM) {
			return DemoDistrict.uscc(RANDOM);
		}
	}

	JsonNode postJson(String user, String path, String body, int expected) throws Exception {
		String out = mvc.perform(post(path).with(basic(user)).contentType(MediaType.APPLICATION_JSON).content(body))
			.andExpect(status().is(expected)).andReturn().getResponse().getContentAsString();
		return json.readTree(out);
	}

	JsonNode register(String uscc, String sector) throws Exception {
		return postJson("supervisor", "/api/supervision/entities", """
				{"uscc": "%s", "name": "上海测试%s有限公司", "sector": "%s", "address": "上海市浦东新区张杨路 1 号",
				 "street": "陆家嘴街道"}""".formatted(uscc, uscc.substring(10), sector), 201);
	}

	static final String PASSWORD = "Selfcheck-2026!";

	/** A registered entity and an enterprise account that carries its USCC. */
	record Business(String uscc, String username) {

		RequestPostProcessor auth() {
			return httpBasic(username, PASSWORD);
		}
	}

	Business business(String sector) throws Exception {
		String uscc = newUscc();
		register(uscc, sector);
		String username = "ent-" + uscc.substring(8).toLowerCase();
		accounts.create(new AccountManagement.NewAccount(username, "上海测试" + uscc.substring(10) + "有限公司", PASSWORD,
				Set.of(Role.ENTERPRISE), null, null, uscc, null));
		return new Business(uscc, username);
	}

	/** A second planner, to approve the first one's overrides. */
	String secondPlanner() {
		String username = "planner-" + Integer.toHexString(RANDOM.nextInt());
		accounts.create(new AccountManagement.NewAccount(username, "第二计划人员", "Planner-check-2026!",
				Set.of(Role.SUPERVISOR), "SUPERVISION_INSTITUTE", null, null, null));
		return username;
	}
}
