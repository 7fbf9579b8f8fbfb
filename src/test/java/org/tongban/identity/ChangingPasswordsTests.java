package org.tongban.identity;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** Every user changes their own password (page and API); an administrator's reset must be changed at sign-in. */
@SpringBootTest
@AutoConfigureMockMvc
class ChangingPasswordsTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountManagement accounts;

	private static String change(String current, String next) {
		return """
				{"currentPassword":"%s","newPassword":"%s"}""".formatted(current, next);
	}

	@Test
	void theFormNamesEachProblemNextToItsFieldInChinese() throws Exception {
		String user = Sessions.newStaff(accounts);
		Cookie session = Sessions.signIn(mvc, user, Sessions.PASSWORD);
		mvc.perform(get("/account/password").cookie(session)).andExpect(status().isOk())
				.andExpect(content().string(containsString("至少 12 位")));
		mvc.perform(post("/account/password").cookie(session).param("_csrf", Sessions.csrfToken(mvc, session))
				.param("currentPassword", "not-my-password").param("newPassword", "short")
				.param("confirmPassword", "short"))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("当前密码不正确")))
				.andExpect(content().string(containsString("密码须为 12–128 位")));
		mvc.perform(post("/account/password").cookie(session).param("_csrf", Sessions.csrfToken(mvc, session))
				.param("currentPassword", Sessions.PASSWORD).param("newPassword", "New-password-2026")
				.param("confirmPassword", "New-password-2027"))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("两次输入的新密码不一致")));
		mvc.perform(post("/account/password").cookie(session).param("_csrf", Sessions.csrfToken(mvc, session))
				.param("currentPassword", Sessions.PASSWORD).param("newPassword", "New-password-2026")
				.param("confirmPassword", "New-password-2026"))
				.andExpect(redirectedUrl("/account/password"));
		mvc.perform(get("/api/me").with(httpBasic(user, Sessions.PASSWORD))).andExpect(status().isUnauthorized());
		mvc.perform(get("/api/me").with(httpBasic(user, "New-password-2026"))).andExpect(status().isOk());
	}

	/** ASVS 2.2.1: guessing through an open session is limited as signing in is (5 wrong passwords lock). */
	@Test
	void wrongCurrentPasswordsCountAsFailedSignInsAndLockTheAccount() throws Exception {
		String user = Sessions.newStaff(accounts);
		Cookie session = Sessions.signIn(mvc, user, Sessions.PASSWORD);
		String csrf = Sessions.csrfToken(mvc, session);
		for (int i = 1; i <= 4; i++) {
			mvc.perform(post("/account/password").cookie(session).param("_csrf", csrf).param("currentPassword", "guess-" + i)
					.param("newPassword", "New-password-2026").param("confirmPassword", "New-password-2026"))
					.andExpect(status().isOk()).andExpect(content().string(containsString("当前密码不正确")));
		}
		mvc.perform(get("/api/me").cookie(session)).andExpect(status().isOk());
		mvc.perform(post("/api/me/password").cookie(session).header("X-CSRF-TOKEN", csrf)
				.contentType(MediaType.APPLICATION_JSON).content(change("guess-5", "New-password-2026")))
				.andExpect(status().isBadRequest());
		// the fifth locked the account: its sessions ended, and the right password no longer signs in
		mvc.perform(get("/api/me").cookie(session)).andExpect(status().isUnauthorized());
		mvc.perform(get("/api/me").with(httpBasic(user, Sessions.PASSWORD))).andExpect(status().isUnauthorized());
	}

	@Test
	void theFormWithoutItsCsrfTokenIsRefused() throws Exception {
		String user = Sessions.newStaff(accounts);
		Cookie session = Sessions.signIn(mvc, user, Sessions.PASSWORD);
		mvc.perform(post("/account/password").cookie(session).param("currentPassword", Sessions.PASSWORD)
				.param("newPassword", "New-password-2026").param("confirmPassword", "New-password-2026"))
				.andExpect(status().isForbidden());
		mvc.perform(get("/api/me").with(httpBasic(user, Sessions.PASSWORD))).andExpect(status().isOk());
	}

	@Test
	void theApiAnswersProblemsAndRefusesTheLastFivePasswords() throws Exception {
		String user = Sessions.newStaff(accounts);
		mvc.perform(post("/api/me/password").with(httpBasic(user, Sessions.PASSWORD))
				.contentType(MediaType.APPLICATION_JSON).content(change("wrong", "abc")))
				.andExpect(status().isBadRequest())
				.andExpect(content().contentTypeCompatibleWith("application/problem+json"))
				.andExpect(jsonPath("$.errors[*].field", hasItem("currentPassword")))
				.andExpect(jsonPath("$.errors[?(@.field=='newPassword')].message").value(hasItem(containsString("12"))));
		mvc.perform(post("/api/me/password").with(httpBasic(user, Sessions.PASSWORD))
				.contentType(MediaType.APPLICATION_JSON).content(change(Sessions.PASSWORD, "My-" + user + "-pass1")))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].message").value("密码不得包含用户名"));
		// the current one is one of the last five
		mvc.perform(post("/api/me/password").with(httpBasic(user, Sessions.PASSWORD))
				.contentType(MediaType.APPLICATION_JSON).content(change(Sessions.PASSWORD, Sessions.PASSWORD)))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].message").value(containsString("最近 5 次")));
		String current = Sessions.PASSWORD;
		for (int i = 1; i <= 5; i++) {
			String next = "Rotated-pass-" + i;
			mvc.perform(post("/api/me/password").with(httpBasic(user, current)).contentType(MediaType.APPLICATION_JSON)
					.content(change(current, next))).andExpect(status().isNoContent());
			current = next;
		}
		// the first password has dropped out of the last five (5 newer ones), the second has not
		mvc.perform(post("/api/me/password").with(httpBasic(user, current)).contentType(MediaType.APPLICATION_JSON)
				.content(change(current, "Rotated-pass-1"))).andExpect(status().isBadRequest());
		mvc.perform(post("/api/me/password").with(httpBasic(user, current)).contentType(MediaType.APPLICATION_JSON)
				.content(change(current, Sessions.PASSWORD))).andExpect(status().isNoContent());
	}

	@Test
	void afterAnAdministratorsResetTheUserMustChangeThePasswordBeforeAnythingElse() throws Exception {
		String user = Sessions.newStaff(accounts);
		mvc.perform(post("/api/accounts/{u}/password", user).with(httpBasic("admin", "tongban-demo"))
				.contentType(MediaType.APPLICATION_JSON).content("{\"password\":\"weak\"}"))
				.andExpect(status().isBadRequest());
		mvc.perform(post("/api/accounts/{u}/password", user).with(httpBasic("admin", "tongban-demo"))
				.contentType(MediaType.APPLICATION_JSON).content("{\"password\":\"Given-by-admin-1\"}"))
				.andExpect(status().isNoContent());

		Cookie session = Sessions.signIn(mvc, user, "Given-by-admin-1");
		mvc.perform(get("/inbox").cookie(session)).andExpect(redirectedUrl("/account/password"));
		mvc.perform(get("/account/password").cookie(session)).andExpect(status().isOk())
				.andExpect(content().string(containsString("请先修改")));
		mvc.perform(get("/api/inbox").with(httpBasic(user, "Given-by-admin-1")))
				.andExpect(status().isForbidden())
				.andExpect(jsonPath("$.title").value("须先修改密码"));
		mvc.perform(get("/api/me").with(httpBasic(user, "Given-by-admin-1"))).andExpect(status().isOk());

		mvc.perform(post("/account/password").cookie(session).param("_csrf", Sessions.csrfToken(mvc, session))
				.param("currentPassword", "Given-by-admin-1").param("newPassword", "Chosen-by-me-2026")
				.param("confirmPassword", "Chosen-by-me-2026"))
				.andExpect(redirectedUrl("/account/password"));
		// the same session goes on at once
		mvc.perform(get("/inbox").cookie(session)).andExpect(status().isOk());
		mvc.perform(get("/api/inbox").with(httpBasic(user, "Chosen-by-me-2026"))).andExpect(status().isOk());
	}

	@Test
	void onlyAnAdministratorResetsSomeoneElsesPassword() throws Exception {
		mvc.perform(post("/api/accounts/{u}/password", "clerk").with(httpBasic("leader", "tongban-demo"))
				.contentType(MediaType.APPLICATION_JSON).content("{\"password\":\"Given-by-leader-1\"}"))
				.andExpect(status().isForbidden());
	}

	@Test
	void aDemoInstanceSaysSoOnEveryPage() throws Exception {
		mvc.perform(get("/")).andExpect(content().string(containsString("演示环境")));
		mvc.perform(get("/login")).andExpect(content().string(containsString("演示环境")));
		mvc.perform(get("/api/me").with(httpBasic("leader", "tongban-demo")))
				.andExpect(content().string(not(containsString("演示环境"))));
	}
}
