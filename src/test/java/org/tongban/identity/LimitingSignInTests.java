package org.tongban.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Guessing passwords is limited per address (3 failures here, 30 in production) and per account name, and the
 * answers do not tell a name with an account from one without.
 */
@SpringBootTest(properties = { "tongban.rate-limits.assistant.capacity=30", "tongban.rate-limits.search.capacity=5",
		"tongban.rate-limits.sign-in.capacity=3" })
@AutoConfigureMockMvc
class LimitingSignInTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountManagement accounts;

	static String randomAddress() {
		UUID u = UUID.randomUUID();
		return "10." + (u.hashCode() & 0xff) + "." + ((u.hashCode() >> 8) & 0xff) + "." + ((u.hashCode() >> 16) & 0xff);
	}

	static RequestPostProcessor from(String address) {
		return request -> {
			request.setRemoteAddr(address);
			return request;
		};
	}

	private String newStaff() {
		String username = "t" + UUID.randomUUID().toString().substring(0, 8);
		accounts.create(new AccountManagement.NewAccount(username, "测试人员", "correct-horse-1", EnumSet.of(Role.CLERK),
				"APPROVAL_CENTRE", null, null, null));
		return username;
	}

	private ResultActions signIn(String username, String password, String address) throws Exception {
		return mvc.perform(post("/login").param("username", username).param("password", password).with(csrf())
			.with(from(address)));
	}

	@Test
	void anAddressThatFailedTooOftenGets429BeforeItsCredentialsAreChecked() throws Exception {
		String username = newStaff();
		String address = randomAddress();
		for (int i = 0; i < 3; i++) {
			signIn("nobody-" + i, "wrong", address).andExpect(redirectedUrl("/login?error=bad"));
		}
		String page = signIn(username, "correct-horse-1", address).andExpect(status().isTooManyRequests())
			.andExpect(header().exists("Retry-After"))
			.andReturn().getResponse().getErrorMessage();
		assertThat(page).contains("登录失败次数过多");
		mvc.perform(get("/api/me").with(httpBasic(username, "correct-horse-1")).with(from(address)))
			.andExpect(status().isTooManyRequests())
			.andExpect(header().exists("Retry-After"))
			.andExpect(content().contentTypeCompatibleWith("application/problem+json"))
			.andExpect(jsonPath("$.title").value("请求过于频繁"));
		// the account itself is not locked: from elsewhere it signs in
		signIn(username, "correct-horse-1", randomAddress()).andExpect(redirectedUrl("/"));
	}

	@Test
	void aNameWithoutAnAccountIsAnsweredExactlyAsAnAccountWithWrongPasswords() throws Exception {
		String known = newStaff();
		String unknown = "u" + UUID.randomUUID().toString().substring(0, 8);
		assertThat(answers(known)).isEqualTo(answers(unknown))
			.containsExactly("/login?error=bad", "/login?error=bad", "/login?error=bad", "/login?error=bad",
					"/login?error=bad", "/login?error=locked", "/login?error=locked");
		String knownApi = mvc.perform(get("/api/me").with(httpBasic(known, "wrong")).with(from(randomAddress())))
			.andExpect(status().isUnauthorized()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		String unknownApi = mvc.perform(get("/api/me").with(httpBasic(unknown, "wrong")).with(from(randomAddress())))
			.andExpect(status().isUnauthorized()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(knownApi).isEqualTo(unknownApi);
	}

	/** Five wrong passwords, then the right one (for the account), then a wrong one, each from a new address. */
	private List<String> answers(String username) throws Exception {
		List<String> answers = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			answers.add(signIn(username, "wrong-password", randomAddress()).andReturn().getResponse().getRedirectedUrl());
		}
		answers.add(signIn(username, "correct-horse-1", randomAddress()).andReturn().getResponse().getRedirectedUrl());
		answers.add(signIn(username, "wrong-password", randomAddress()).andReturn().getResponse().getRedirectedUrl());
		return answers;
	}
}
