package org.tongban.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.EnumSet;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

@SpringBootTest
@AutoConfigureMockMvc
class SigningInTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountManagement accounts;

	@Autowired
	AuditLog auditLog;

	private String newStaff() {
		String username = "t" + UUID.randomUUID().toString().substring(0, 8);
		accounts.create(new AccountManagement.NewAccount(username, "测试人员", "correct-horse-1", EnumSet.of(Role.CLERK),
				"APPROVAL_CENTRE", null, null, null));
		return username;
	}

	@Test
	void demoAccountSignsInWithTheFormAndLandsOnTheHomePage() throws Exception {
		mvc.perform(formLogin("/login").user("leader").password("tongban-demo"))
				.andExpect(redirectedUrl("/"));
	}

	@Test
	void wrongPasswordIsToldPlainlyWithoutSayingWhichPartWasWrong() throws Exception {
		mvc.perform(formLogin("/login").user("leader").password("nope")).andExpect(redirectedUrl("/login?error=bad"));
		mvc.perform(get("/login").param("error", "bad"))
				.andExpect(content().string(org.hamcrest.Matchers.containsString("用户名或密码不正确")));
	}

	@Test
	void fiveWrongPasswordsLockTheAccountEvenAgainstTheRightPasswordUntilAnAdminUnlocksIt() throws Exception {
		String username = newStaff();
		for (int i = 0; i < 5; i++) {
			mvc.perform(formLogin("/login").user(username).password("wrong-password")).andExpect(redirectedUrl("/login?error=bad"));
		}
		mvc.perform(formLogin("/login").user(username).password("correct-horse-1"))
				.andExpect(redirectedUrl("/login?error=locked"));
		mvc.perform(get("/api/me").with(httpBasic(username, "correct-horse-1"))).andExpect(status().isUnauthorized());

		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(auditLog
				.search(null, "ACCOUNT_LOCKED", "account", username, null, null, 0, 10).entries()).hasSize(1));

		mvc.perform(post("/api/accounts/{u}/unlock", username).with(httpBasic("admin", "tongban-demo")))
				.andExpect(status().isOk()).andExpect(jsonPath("$.locked").value(false));
		mvc.perform(get("/api/me").with(httpBasic(username, "correct-horse-1")))
				.andExpect(status().isOk()).andExpect(jsonPath("$.username").value(username));
	}

	@Test
	void aSuccessfulSignInResetsTheFailureCount() throws Exception {
		String username = newStaff();
		for (int i = 0; i < 4; i++) {
			mvc.perform(formLogin("/login").user(username).password("wrong-password"));
		}
		mvc.perform(formLogin("/login").user(username).password("correct-horse-1")).andExpect(redirectedUrl("/"));
		for (int i = 0; i < 4; i++) {
			mvc.perform(formLogin("/login").user(username).password("wrong-password"));
		}
		mvc.perform(formLogin("/login").user(username).password("correct-horse-1")).andExpect(redirectedUrl("/"));
	}

	@Test
	void scriptsUseHttpBasicOnTheApiAndAnonymousCallsGetAProblemInChinese() throws Exception {
		mvc.perform(get("/api/me").with(httpBasic("planning", "tongban-demo")))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.orgUnitCode").value("PLANNING"))
				.andExpect(jsonPath("$.roles[0]").value("DIVISION_STAFF"));
		mvc.perform(get("/api/me"))
				.andExpect(status().isUnauthorized())
				.andExpect(header().string("WWW-Authenticate", org.hamcrest.Matchers.startsWith("Basic")))
				.andExpect(content().contentTypeCompatibleWith("application/problem+json"))
				.andExpect(jsonPath("$.title").value("未登录"));
	}

	@Test
	void pagesSendAnonymousVisitorsToTheLoginPage() throws Exception {
		mvc.perform(get("/inbox")).andExpect(status().is3xxRedirection())
				.andExpect(header().string("Location", org.hamcrest.Matchers.endsWith("/login")));
	}

	@Test
	void formsWithoutTheCsrfTokenAreRefusedButBasicAuthScriptsNeedNone() throws Exception {
		mvc.perform(post("/admin/accounts/{u}/unlock", "clerk")
				.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
						.user(new SignedInUserFixture().admin())))
				.andExpect(status().isForbidden());
		mvc.perform(post("/admin/accounts/{u}/unlock", "clerk").with(csrf())
				.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
						.user(new SignedInUserFixture().admin())))
				.andExpect(redirectedUrl("/admin/accounts"));
		mvc.perform(post("/api/accounts/{u}/unlock", "clerk").with(httpBasic("admin", "tongban-demo")))
				.andExpect(status().isOk());
	}

	/** An ADMIN principal without going through the sign-in form. */
	static class SignedInUserFixture {

		SignedInUser admin() {
			return new SignedInUser(UUID.randomUUID(), "admin", "系统管理员", EnumSet.of(Role.ADMIN), "COMMISSION",
					"区卫健委", null, null, "{noop}x", true, false);
		}
	}
}
