package org.tongban.reform;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The whole application on a real port and the suite's embedded PostgreSQL, with the demo accounts.
 * The database is shared by every test class, so each test works on task numbers of its own:
 * 4–8, 10, 11, 14, 16–19, 21, 23–28 (the demo reports use 1, 3, 9, 13, 15, 20, 22, 29, 32, 37, 42, 50, 59).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
abstract class ReformIntegrationTest {

	static final String PASSWORD = "tongban-demo";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserDetailsService users;

	/** Signed in to pages (a session; forms also need csrf()). */
	RequestPostProcessor as(String username) {
		return user(users.loadUserByUsername(username));
	}

	/** A script calling the API with HTTP Basic, as the security configuration expects. */
	static RequestPostProcessor basic(String username) {
		return httpBasic(username, PASSWORD);
	}
}
