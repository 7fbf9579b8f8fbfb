package org.tongban.integrated;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import java.util.Map;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole application on the suite's embedded PostgreSQL. The database is shared: tests that edit packages
 * each work on a package of their own (MEDICAL_BEAUTY publishing, SHOPPING_CENTRE refusals, SWIMMING_VENUE
 * rejection); DENTAL_CLINIC and ELDERLY_CARE stay as imported.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
abstract class IntegratedIntegrationTest {

	static final String PASSWORD = "tongban-demo";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JsonMapper json;

	@Autowired
	IndustryPackages packages;

	static RequestPostProcessor basic(String username) {
		return httpBasic(username, PASSWORD);
	}

	String write(Object body) {
		return json.writeValueAsString(body);
	}

	/** A dental clinic of three chairs with X-ray (no CBCT), one new radiation worker, sterilising in house. */
	static Map<String, Object> dentalWithXray() {
		return Map.of("chairs", 3, "xray", true, "cbct", false, "radiationStaffNew", true,
				"sterilisationOutsourced", false, "physicianTransfer", false, "nurseTransfer", false);
	}
}
