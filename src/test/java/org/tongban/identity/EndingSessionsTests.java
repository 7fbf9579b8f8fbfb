package org.tongban.identity;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
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

/**
 * Sessions live in the database: disabling, locking or changing the password of an account ends its sessions at
 * once; a request carrying the session cookie is CSRF-checked whatever else it carries; pages never challenge
 * for Basic credentials.
 */
@SpringBootTest
@AutoConfigureMockMvc
class EndingSessionsTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountManagement accounts;

	@Test
	void aDisabledAccountsSessionIsRefusedOnItsNextRequest() throws Exception {
		String user = Sessions.newStaff(accounts);
		Cookie session = Sessions.signIn(mvc, user, Sessions.PASSWORD);
		mvc.perform(get("/api/me").cookie(session)).andExpect(jsonPath("$.username").value(user));
		mvc.perform(get("/inbox").cookie(session)).andExpect(status().isOk());

		mvc.perform(post("/api/accounts/{u}/enabled", user).param("value", "false").with(httpBasic("admin", "tongban-demo")))
				.andExpect(status().isOk());

		mvc.perform(get("/api/me").cookie(session)).andExpect(status().isUnauthorized());
		mvc.perform(get("/inbox").cookie(session)).andExpect(header().string("Location", org.hamcrest.Matchers.endsWith("/login")));
	}

	@Test
	void aLockedAccountsSessionIsRefused() throws Exception {
		String user = Sessions.newStaff(accounts);
		Cookie session = Sessions.signIn(mvc, user, Sessions.PASSWORD);
		for (int i = 0; i < 5; i++) {
			mvc.perform(formLogin("/login").user(user).password("wrong-password"));
		}
		mvc.perform(get("/api/me").cookie(session)).andExpect(status().isUnauthorized());
	}

	@Test
	void anAdministratorsResetEndsTheSessions() throws Exception {
		String user = Sessions.newStaff(accounts);
		Cookie session = Sessions.signIn(mvc, user, Sessions.PASSWORD);
		mvc.perform(post("/api/accounts/{u}/password", user).with(httpBasic("admin", "tongban-demo"))
				.contentType(MediaType.APPLICATION_JSON).content("{\"password\":\"Given-by-admin-1\"}"))
				.andExpect(status().isNoContent());
		mvc.perform(get("/api/me").cookie(session)).andExpect(status().isUnauthorized());
	}

	@Test
	void changingTheOwnPasswordEndsTheOtherSessionsAndKeepsThisOne() throws Exception {
		String user = Sessions.newStaff(accounts);
		Cookie here = Sessions.signIn(mvc, user, Sessions.PASSWORD);
		Cookie elsewhere = Sessions.signIn(mvc, user, Sessions.PASSWORD);
		mvc.perform(post("/account/password").cookie(here).param("_csrf", Sessions.csrfToken(mvc, here))
				.param("currentPassword", Sessions.PASSWORD).param("newPassword", "Changed-here-2026")
				.param("confirmPassword", "Changed-here-2026"))
				.andExpect(redirectedUrl("/account/password"));
		mvc.perform(get("/api/me").cookie(elsewhere)).andExpect(status().isUnauthorized());
		mvc.perform(get("/api/me").cookie(here)).andExpect(status().isOk());
	}

	@Test
	void aCrossSitePostWithTheSessionCookieAndNoTokenIsRefusedWhateverElseItCarries() throws Exception {
		Cookie session = Sessions.signIn(mvc, "admin", "tongban-demo");
		mvc.perform(post("/api/accounts/{u}/unlock", "clerk").cookie(session).header("Origin", "https://evil.example"))
				.andExpect(status().isForbidden());
		// Basic credentials next to the cookie used to let the request skip the check
		mvc.perform(post("/api/accounts/{u}/unlock", "clerk").cookie(session).with(httpBasic("admin", "tongban-demo")))
				.andExpect(status().isForbidden());
		mvc.perform(post("/api/accounts/{u}/unlock", "clerk").cookie(session).contentType(MediaType.APPLICATION_JSON)
				.content("{}")).andExpect(status().isForbidden());
		// with the session's token it goes through
		mvc.perform(post("/api/accounts/{u}/unlock", "clerk").cookie(session)
				.header("X-CSRF-TOKEN", Sessions.csrfToken(mvc, session)))
				.andExpect(status().isOk());
	}

	@Test
	void scriptsWithBasicCredentialsAndNoCookieNeedNoToken() throws Exception {
		mvc.perform(post("/api/accounts/{u}/unlock", "clerk").with(httpBasic("admin", "tongban-demo")))
				.andExpect(status().isOk());
	}

	@Test
	void pagesNeverChallengeForBasicCredentialsOnlyTheApiDoes() throws Exception {
		mvc.perform(get("/inbox").with(httpBasic("leader", "wrong-password")))
				.andExpect(status().is3xxRedirection())
				.andExpect(header().doesNotExist("WWW-Authenticate"));
		mvc.perform(get("/admin/accounts").with(httpBasic("nobody-here", "wrong-password")))
				.andExpect(header().doesNotExist("WWW-Authenticate"));
		mvc.perform(get("/inbox")).andExpect(header().doesNotExist("WWW-Authenticate"));
		mvc.perform(get("/inbox").header("X-Requested-With", "XMLHttpRequest"))
				.andExpect(header().doesNotExist("WWW-Authenticate"));
		mvc.perform(get("/api/me").with(httpBasic("leader", "wrong-password")))
				.andExpect(status().isUnauthorized())
				.andExpect(header().string("WWW-Authenticate", org.hamcrest.Matchers.startsWith("Basic")));
	}
}
