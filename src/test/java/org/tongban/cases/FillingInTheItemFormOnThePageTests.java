package org.tongban.cases;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The application page renders the item's form from its guide: labelled, typed inputs, errors beside the fields. */
class FillingInTheItemFormOnThePageTests extends CasesIntegrationTest {

	@Autowired
	UserDetailsService users;

	private RequestPostProcessor as(String username) {
		return user(users.loadUserByUsername(username));
	}

	@Test
	void thePageOffersAnInputOfTheRightTypeForEveryFieldOfTheForm() throws Exception {
		mvc.perform(get("/cases/new").param("item", "PD-WJW-BA-003").param("situation", "NEW_DENTAL").with(as("enterprise")))
				.andExpect(status().isOk())
				.andExpect(content().string(allOf(
						containsString("<label for=\"form-clinicName\"><span>诊所名称</span><span>（必填）</span></label>"),
						containsString("<label for=\"form-openingOn\"><span>拟执业日期</span><span>（可选）</span></label>"),
						matchesPattern("(?s).*<input type=\"number\" id=\"form-dentalChairs\" name=\"form.dentalChairs\"[^>]*min=\"1\" max=\"4\"[^>]*required.*"),
						matchesPattern("(?s).*<input type=\"date\" id=\"form-openingOn\".*"),
						matchesPattern("(?s).*<input type=\"tel\" id=\"form-phone\" name=\"form.phone\"[^>]*required.*"),
						containsString("口腔诊所牙椅不超过4台"))))
				// one phone field: the definition's, not the page's own as well
				.andExpect(content().string(not(matchesPattern("(?s).*id=\"form-phone\".*id=\"form-phone\".*"))));
		mvc.perform(get("/cases/new").param("item", "PD-WJW-XK-009").param("situation", "NEW").with(as("citizen")))
				.andExpect(status().isOk())
				.andExpect(content().string(allOf(
						matchesPattern("(?s).*<select id=\"form-practiceCategory\" name=\"form.practiceCategory\"[^>]*required.*"),
						containsString("<option value=\"口腔\">口腔</option>"))));
	}

	@Test
	void aRefusedFieldIsMarkedBesideItselfAndWhatWasTypedIsKept() throws Exception {
		mvc.perform(post("/cases").with(as("enterprise")).with(csrf()).param("item", "PD-WJW-BA-003")
				.param("situation", "NEW_DENTAL").param("name", "示例").param("uscc", ENTERPRISE_USCC)
				.param("agentName", "李四").param("form.phone", "021-68541234").param("form.dentalChairs", "9")
				.param("form.clinicName", "<i>诊所</i>"))
				.andExpect(status().isBadRequest())
				.andExpect(content().string(allOf(
						matchesPattern("(?s).*id=\"form-dentalChairs\"[^>]*aria-invalid=\"true\" aria-describedby=\"form-dentalChairs-error form-dentalChairs-format\".*"),
						containsString("<p class=\"field-error\" id=\"form-dentalChairs-error\">“牙椅数”不能大于 4。</p>"),
						containsString("value=\"&lt;i&gt;诊所&lt;/i&gt;\""))));
	}

	@Test
	void aDraftStartedOnThePageIsCompletedFieldByField() throws Exception {
		String location = mvc.perform(post("/cases").with(as("enterprise")).with(csrf()).param("item", "PD-WJW-BA-003")
				.param("situation", "NEW").param("name", "示例").param("uscc", ENTERPRISE_USCC).param("agentName", "李四")
				.param("form.phone", "021-68541234").param("form.physicians", "3"))
				.andExpect(status().is3xxRedirection()).andExpect(redirectedUrlPattern("/cases/*"))
				.andReturn().getResponse().getRedirectedUrl();
		mvc.perform(get(location).with(as("enterprise")))
				.andExpect(status().isOk())
				.andExpect(content().string(allOf(
						matchesPattern("(?s).*<input type=\"number\" id=\"form-physicians\" name=\"form.physicians\"\\s+value=\"3\".*"),
						matchesPattern("(?s).*<input type=\"text\" id=\"form-principalIdNumber\" name=\"form.principalIdNumber\"\\s+value=\"\".*"))));
		mvc.perform(post(location + "/form").with(as("enterprise")).with(csrf()).param("form.phone", "021-68541234")
				.param("form.principalIdNumber", "310115199002201223"))
				.andExpect(status().isBadRequest())
				.andExpect(content().string(containsString("id=\"form-principalIdNumber-error\">“主要负责人身份证号”有误")));
	}
}
