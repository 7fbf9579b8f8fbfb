package org.tongban.catalogue;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.util.Map;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole application on the suite's embedded PostgreSQL (the same context as the other modules' tests).
 * The database is shared, so each test changes items of its own: XK-001 publishing, XK-003 and XK-029 the
 * author's refusal, XK-004 bad drafts, XK-012 sanitising, XK-013 rejection, XK-011 law changes, XK-014
 * authorisation. Every other item stays as imported.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
abstract class CatalogueIntegrationTest {

	static final String PASSWORD = "tongban-demo";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JsonMapper json;

	@Autowired
	UserDetailsService users;

	@Autowired
	Catalogue catalogue;

	RequestPostProcessor as(String username) {
		return user(users.loadUserByUsername(username));
	}

	static RequestPostProcessor basic(String username) {
		return httpBasic(username, PASSWORD);
	}

	/** A guide's editable content as the JSON a client would PUT, open to changes. */
	@SuppressWarnings("unchecked")
	Map<String, Object> contentOf(String code, int version) {
		return json.convertValue(catalogue.version(code, version).orElseThrow().content(), Map.class);
	}

	String write(Object body) {
		return json.writeValueAsString(body);
	}
}
