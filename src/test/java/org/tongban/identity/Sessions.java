package org.tongban.identity;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import java.util.EnumSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.Cookie;

import org.springframework.test.web.servlet.MockMvc;

/** What the session tests share: a fresh account, a signed-in browser session (its cookie) and its CSRF token. */
final class Sessions {

	static final String PASSWORD = "Correct-horse-1";

	private static final Pattern CSRF = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");

	private Sessions() {
	}

	static String newStaff(AccountManagement accounts) {
		String username = "s" + UUID.randomUUID().toString().substring(0, 8);
		accounts.create(new AccountManagement.NewAccount(username, "会话测试", PASSWORD, EnumSet.of(Role.CLERK),
				"APPROVAL_CENTRE", null, null, null));
		return username;
	}

	/** Signs in through the login form as a browser does; the session cookie it was given. */
	static Cookie signIn(MockMvc mvc, String username, String password) throws Exception {
		Cookie cookie = mvc.perform(formLogin("/login").user(username).password(password))
				.andExpect(redirectedUrl("/")).andReturn().getResponse().getCookie(SecurityConfiguration.SESSION_COOKIE);
		if (cookie == null) {
			throw new AssertionError("no session cookie after signing in");
		}
		return cookie;
	}

	/** The CSRF token the pages of that session carry. */
	static String csrfToken(MockMvc mvc, Cookie session) throws Exception {
		String page = mvc.perform(get("/account/password").cookie(session)).andReturn().getResponse()
				.getContentAsString();
		Matcher m = CSRF.matcher(page);
		if (!m.find()) {
			throw new AssertionError("no CSRF token on the page");
		}
		return m.group(1);
	}
}
