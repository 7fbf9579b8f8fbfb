package org.tongban.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.json.JsonMapper;

/**
 * A staff list on the application page (医疗机构执业登记): a row of labelled cells per person, blank rows to fill
 * without script, the rows kept as one table value, each wrong cell named beside itself; the API takes the rows
 * as a list.
 */
class FillingInATableOnThePageTests extends CasesIntegrationTest {

	static final String REGISTRATION = "PD-WJW-XK-007";

	@Autowired
	UserDetailsService users;

	@Autowired
	JsonMapper json;

	private RequestPostProcessor as(String username) {
		return user(users.loadUserByUsername(username));
	}

	@Test
	void theTableOffersLabelledCellsAndBlankRowsWithoutScript() throws Exception {
		mvc.perform(get("/cases/new").param("item", REGISTRATION).param("situation", "NEW").with(as("enterprise")))
				.andExpect(status().isOk())
				.andExpect(content().string(allOf(
						containsString("<legend><span>卫生技术人员名单</span><span>（必填）</span></legend>"),
						matchesPattern("(?s).*<input type=\"text\" id=\"form-staff-0-name\" name=\"form.staff\\[0\\].name\"[^>]*aria-label=\"第 1 行 姓名\".*"),
						matchesPattern("(?s).*<select id=\"form-staff-2-practiceCategory\" name=\"form.staff\\[2\\].practiceCategory\".*"),
						containsString("删除第 1 行"))));
	}

	@Test
	void rowsTypedOnThePageAreKeptAsOneTableAndAWrongCellIsNamedBesideItself() throws Exception {
		// GB 11643-1999: the last character checks the first seventeen (…3459 is wrong)
		mvc.perform(staff("310115198809153459"))
				.andExpect(status().isBadRequest())
				.andExpect(content().string(allOf(
						matchesPattern("(?s).*id=\"form-staff-1-idNumber\"[^>]*value=\"310115198809153459\"[^>]*aria-invalid=\"true\" aria-describedby=\"form-staff-1-idNumber-error\".*"),
						containsString("<p class=\"field-error\" id=\"form-staff-1-idNumber-error\">“卫生技术人员名单”第 2 行：“身份证号”有误"),
						matchesPattern("(?s).*id=\"form-staff-0-name\"[^>]*value=\"钱八\".*"))));

		String location = mvc.perform(staff("310115198503121234"))
				.andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
		String id = location.substring(location.lastIndexOf('/') + 1);
		String stored = mvc.perform(get("/api/cases/{id}", id).with(basic("enterprise")))
				.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		List<Map<String, String>> rows = FormTables.rows(json.readTree(stored).at("/form/staff").asString()).orElseThrow();
		assertThat(rows).extracting(r -> r.get("name")).containsExactly("钱八", "孙九");
		// the draft's page offers the rows again, cell by cell
		mvc.perform(get(location).with(as("enterprise")))
				.andExpect(status().isOk())
				.andExpect(content().string(matchesPattern("(?s).*id=\"form-staff-1-name\"[^>]*value=\"孙九\".*")));
	}

	/** The page's form with two people, the second's ID number as given, and a blank row. */
	private MockHttpServletRequestBuilder staff(String secondIdNumber) {
		return post("/cases").with(as("enterprise")).with(csrf())
				.param("item", REGISTRATION).param("situation", "NEW").param("name", "示例").param("uscc", ENTERPRISE_USCC)
				.param("agentName", "李四").param("form.phone", "021-68541234")
				.param("form.staff[0].name", "钱八").param("form.staff[0].idNumber", "310115198809153458")
				.param("form.staff[0].certificateNumber", "110310115000123").param("form.staff[0].practiceCategory", "临床")
				.param("form.staff[1].name", "孙九").param("form.staff[1].idNumber", secondIdNumber)
				.param("form.staff[2].name", "").param("form.staff[2].idNumber", "");
	}

	@Test
	void aSubmittedCaseShowsTheListAsATableToTheApplicantAndTheStaff() throws Exception {
		Map<String, Object> form = new java.util.LinkedHashMap<>(applications.sampleForm(REGISTRATION, "NEW", Map.of()));
		form.put("staff", List.of(Map.of("name", "钱八", "idNumber", "310115198809153458", "certificateNumber",
				"110310115000123", "practiceCategory", "临床"), Map.of("name", "<b>孙九</b>", "idNumber",
				"310115198503121234", "certificateNumber", "110310115000124", "practiceCategory", "护理")));
		String id = org.tongban.support.Applying.draft(mvc, "enterprise", body(form));
		org.tongban.support.Applying.uploadRequired(mvc, applications, "enterprise", id, REGISTRATION, "NEW");
		mvc.perform(post("/api/cases/{id}/actions/submit", id).header("Idempotency-Key", key()).with(basic("enterprise")))
				.andExpect(status().isCreated());
		mvc.perform(get("/cases/{id}", id).with(as("enterprise")))
				.andExpect(status().isOk())
				.andExpect(content().string(allOf(
						matchesPattern("(?s).*<th scope=\"col\">执业证书编号</th>.*"),
						matchesPattern("(?s).*<th scope=\"row\">2</th><td>&lt;b&gt;孙九&lt;/b&gt;</td><td>310115198503121234</td>.*"))));
	}

	private String body(Map<String, Object> form) {
		return """
				{"itemCode": "%s", "situation": "NEW",
				 "applicant": {"kind": "ENTERPRISE", "uscc": "%s", "name": "示例", "agentName": "李四"},
				 "form": %s}""".formatted(REGISTRATION, ENTERPRISE_USCC, json.writeValueAsString(form));
	}

	@Test
	void theApiTakesTheRowsAsAListAndNamesEachWrongCell() throws Exception {
		Map<String, Object> form = new java.util.LinkedHashMap<>(applications.sampleForm(REGISTRATION, "NEW", Map.of()));
		form.put("staff", List.of(Map.of("name", "钱八", "idNumber", "310115198809153458", "certificateNumber", "1103",
				"practiceCategory", "临床"), Map.of("name", "孙九", "practiceCategory", "牙科")));
		String body = """
				{"itemCode": "%s", "situation": "NEW",
				 "applicant": {"kind": "ENTERPRISE", "uscc": "%s", "name": "示例", "agentName": "李四"},
				 "form": %s}""".formatted(REGISTRATION, ENTERPRISE_USCC, json.writeValueAsString(form));
		mvc.perform(apply(key(), body).with(basic("enterprise")))
				.andExpect(status().isBadRequest())
				.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
				.andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.contains("form.staff[1].idNumber",
						"form.staff[1].certificateNumber", "form.staff[1].practiceCategory")))
				.andExpect(jsonPath("$.errors[0].message").value("“卫生技术人员名单”第 2 行：请填写“身份证号”。"));
	}
}
