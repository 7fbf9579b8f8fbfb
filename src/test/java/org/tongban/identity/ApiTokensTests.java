package org.tongban.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.EnumSet;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.tongban.support.TestClock;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Machine clients call the API with a token an administrator issued: its roles, its division, until revoked or expired. */
@SpringBootTest
@AutoConfigureMockMvc
class ApiTokensTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JsonMapper json;

	@Autowired
	TestClock clock;

	@Autowired
	AuditLog auditLog;

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	private static RequestPostProcessor admin() {
		return httpBasic("admin", "tongban-demo");
	}

	private static RequestPostProcessor bearer(String token) {
		return request -> {
			request.addHeader("Authorization", "Bearer " + token);
			return request;
		};
	}

	private JsonNode issue(String client, String roles, String orgUnit, int days) throws Exception {
		MvcResult result = mvc.perform(post("/api/tokens").with(admin()).contentType(MediaType.APPLICATION_JSON)
			.content("{\"client\": \"" + client + "\", \"roles\": " + roles + ", \"orgUnitCode\": \"" + orgUnit
					+ "\", \"validDays\": " + days + "}"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.token", matchesPattern("^tb_[A-Za-z0-9_-]{43}$")))
			.andReturn();
		return json.readTree(result.getResponse().getContentAsString(StandardCharsets.UTF_8));
	}

	@Test
	void aValidTokenActsWithItsRolesAndDivisionForThatRequestOnly() throws Exception {
		JsonNode issued = issue("规划数据接口", "[\"DIVISION_STAFF\"]", "PLANNING", 30);
		String token = issued.get("token").asString();
		MvcResult me = mvc.perform(get("/api/me").with(bearer(token)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.username").value("token:规划数据接口"))
			.andExpect(jsonPath("$.roles.length()").value(1))
			.andExpect(jsonPath("$.roles[0]").value("DIVISION_STAFF"))
			.andExpect(jsonPath("$.orgUnitCode").value("PLANNING"))
			.andExpect(jsonPath("$.orgUnitName").value("规划发展处"))
			.andReturn();
		assertThat(me.getRequest().getSession(false)).isNull();
		assertThat(me.getResponse().getHeader("Set-Cookie")).isNull();
		// its roles only: no administration
		mvc.perform(get("/api/accounts").with(bearer(token))).andExpect(status().isForbidden());
		// the list never shows the token, only its first characters
		mvc.perform(get("/api/tokens").with(admin()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(token.substring(0, 9))))
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString(token))));
	}

	@Test
	void aTokenNeverOpensAPage() throws Exception {
		String token = issue("脚本", "[\"CLERK\"]", "APPROVAL_CENTRE", 30).get("token").asString();
		mvc.perform(get("/inbox").with(bearer(token)))
			.andExpect(status().is3xxRedirection())
			.andExpect(header().string("Location", endsWith("/login")));
		mvc.perform(get("/api/me").with(bearer(token))).andExpect(status().isOk());
	}

	@Test
	void aRevokedTokenIsRefusedAndIssuingAndRevokingAreAudited() throws Exception {
		JsonNode issued = issue("监督所接口", "[\"INSPECTOR\"]", "SUPERVISION_INSTITUTE", 90);
		String token = issued.get("token").asString();
		String id = issued.get("details").get("id").asString();
		mvc.perform(get("/api/me").with(bearer(token))).andExpect(status().isOk());
		mvc.perform(post("/api/tokens/{id}/revoke", id).with(admin()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("REVOKED"))
			.andExpect(jsonPath("$.revokedBy").value("admin"));
		refused(token);
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			assertThat(auditLog.search("admin", "API_TOKEN_ISSUED", "api-token", id, null, null, 0, 10).entries()).hasSize(1);
			assertThat(auditLog.search("admin", "API_TOKEN_REVOKED", "api-token", id, null, null, 0, 10).entries()).hasSize(1);
		});
	}

	@Test
	void anExpiredTokenIsRefused() throws Exception {
		String token = issue("短期脚本", "[\"APPROVER\"]", "MEDADMIN", 1).get("token").asString();
		mvc.perform(get("/api/me").with(bearer(token))).andExpect(status().isOk());
		clock.travelTo(LocalDateTime.now(clock).plusDays(1).plusMinutes(1));
		refused(token);
	}

	@Test
	void unknownAndMalformedTokensAreRefused() throws Exception {
		refused("tb_" + "A".repeat(43));
		refused("tb_short");
		refused("not-a-token");
		refused("tb_" + "A".repeat(42) + "!");
		mvc.perform(get("/api/me").header("Authorization", "Bearer"))
			.andExpect(status().isUnauthorized());
		mvc.perform(get("/api/me").header("Authorization", "Bearertb_" + "A".repeat(43)))
			.andExpect(status().isUnauthorized());
	}

	private void refused(String token) throws Exception {
		mvc.perform(get("/api/me").with(bearer(token)))
			.andExpect(status().isUnauthorized())
			.andExpect(header().string("WWW-Authenticate", startsWith("Bearer")))
			.andExpect(content().contentTypeCompatibleWith("application/problem+json"))
			.andExpect(jsonPath("$.title").value("令牌无效"));
	}

	@Test
	void onlyAnAdministratorIssuesAndOnlyStaffRolesForAtMostAYear() throws Exception {
		String body = "{\"client\": \"x\", \"roles\": [\"CLERK\"], \"orgUnitCode\": \"APPROVAL_CENTRE\", \"validDays\": 30}";
		mvc.perform(post("/api/tokens").with(httpBasic("clerk", "tongban-demo")).contentType(MediaType.APPLICATION_JSON)
			.content(body)).andExpect(status().isForbidden());
		mvc.perform(get("/api/tokens").with(httpBasic("leader", "tongban-demo"))).andExpect(status().isForbidden());
		String staffToken = issue("人事接口", "[\"DIVISION_STAFF\", \"LEADER\"]", "PERSONNEL", 30).get("token").asString();
		mvc.perform(post("/api/tokens").with(bearer(staffToken)).contentType(MediaType.APPLICATION_JSON).content(body))
			.andExpect(status().isForbidden());
		mvc.perform(post("/api/tokens/{id}/revoke", UUID.randomUUID()).with(httpBasic("clerk", "tongban-demo")))
			.andExpect(status().isForbidden());

		invalid("{\"client\": \"x\", \"roles\": [\"ADMIN\"], \"orgUnitCode\": \"COMMISSION\", \"validDays\": 30}", "roles");
		invalid("{\"client\": \"x\", \"roles\": [\"CITIZEN\"], \"orgUnitCode\": \"COMMISSION\", \"validDays\": 30}", "roles");
		invalid("{\"client\": \"x\", \"roles\": [], \"orgUnitCode\": \"COMMISSION\", \"validDays\": 30}", "roles");
		invalid("{\"client\": \"x\", \"roles\": [\"CLERK\"], \"orgUnitCode\": \"COMMISSION\", \"validDays\": 366}", "validDays");
		invalid("{\"client\": \"x\", \"roles\": [\"CLERK\"], \"orgUnitCode\": \"NOWHERE\", \"validDays\": 30}", "orgUnitCode");
		invalid("{\"client\": \" \", \"roles\": [\"CLERK\"], \"orgUnitCode\": \"COMMISSION\", \"validDays\": 30}", "client");
	}

	private void invalid(String body, String field) throws Exception {
		mvc.perform(post("/api/tokens").with(admin()).contentType(MediaType.APPLICATION_JSON).content(body))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value(field));
	}

	@Test
	void thePageIssuesOnceShowingTheTokenAndRevokesWithTheFormsToken() throws Exception {
		SignedInUser admin = new SignedInUser(UUID.randomUUID(), "admin", "系统管理员", EnumSet.of(Role.ADMIN), "COMMISSION",
				"区卫健委", null, null, "{noop}x", true, false);
		mvc.perform(post("/admin/tokens").with(user(admin)).param("client", "页面签发").param("roles", "CLERK")
			.param("orgUnitCode", "APPROVAL_CENTRE").param("validDays", "30"))
			.andExpect(status().isForbidden());
		MvcResult issued = mvc.perform(post("/admin/tokens").with(user(admin)).with(csrf()).param("client", "页面签发")
			.param("roles", "CLERK").param("orgUnitCode", "APPROVAL_CENTRE").param("validDays", "30"))
			.andExpect(redirectedUrl("/admin/tokens"))
			.andExpect(flash().attributeExists("issued"))
			.andReturn();
		// the flash attribute is the web layer's record: read its token and id from its text
		String text = String.valueOf(issued.getFlashMap().get("issued"));
		String token = match(text, "token=(tb_[A-Za-z0-9_-]{43})");
		String id = match(text, "id=([0-9a-f-]{36})");
		mvc.perform(get("/api/me").with(bearer(token))).andExpect(status().isOk());
		// the flash attribute lives in the session (in the database): the next page of the same session shows it
		jakarta.servlet.http.Cookie session = issued.getResponse().getCookie("SESSION");
		assertThat(session).as("the session cookie").isNotNull();
		String page = mvc.perform(get("/admin/tokens").with(user(admin)).cookie(session))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).contains(token).contains("只显示这一次");
		String later = mvc.perform(get("/admin/tokens").with(user(admin)))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(later).doesNotContain(token).contains(token.substring(0, 9));

		mvc.perform(post("/admin/tokens/{id}/revoke", id).with(user(admin))).andExpect(status().isForbidden());
		mvc.perform(post("/admin/tokens/{id}/revoke", id).with(user(admin)).with(csrf()))
			.andExpect(redirectedUrl("/admin/tokens"));
		refused(token);
	}

	private static String match(String text, String regex) {
		java.util.regex.Matcher m = java.util.regex.Pattern.compile(regex).matcher(text);
		assertThat(m.find()).as(text).isTrue();
		return m.group(1);
	}
}
