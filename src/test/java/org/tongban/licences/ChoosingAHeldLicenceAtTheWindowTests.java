package org.tongban.licences;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * A change, renewal, cancellation or reissue at the window: once the clerk has typed the applicant's number, the
 * page lists that holder's licences of the item to choose from; a licence that is not theirs is refused beside the
 * field with everything typed kept.
 */
class ChoosingAHeldLicenceAtTheWindowTests extends LicencesIntegrationTest {

	@Autowired
	UserDetailsService users;

	MockHttpServletRequestBuilder window(String... fields) {
		MockHttpServletRequestBuilder request = post("/work/window").with(user(users.loadUserByUsername("clerk")))
				.with(csrf()).param("item", "PD-WJW-XK-001").param("situation", "CHANGE").param("kind", "PERSON")
				.param("idType", "RESIDENT_ID").param("idNumber", CITIZEN_ID).param("name", "张三")
				.param("phone", "13800000000");
		for (int i = 0; i < fields.length; i += 2) {
			request.param(fields[i], fields[i + 1]);
		}
		return request;
	}

	String page(MockHttpServletRequestBuilder request, int status) throws Exception {
		return mvc.perform(request).andExpect(status().is(status)).andReturn().getResponse()
				.getContentAsString(StandardCharsets.UTF_8);
	}

	@Test
	void theClerkChoosesFromTheApplicantsLicencesAndAnotherNumberIsRefusedBesideTheField() throws Exception {
		Licence held = grantAndAwait(apply("citizen", "PD-WJW-XK-001", "NEW",
				Map.of("institution", "上海市浦东新区人民医院", "practiceCategory", "护理")), clock.instant());

		String listed = page(window("action", "find-licences"), 200);
		assertThat(listed).contains("id=\"window-held-licences\"", "name=\"licenceChoice\" value=\"" + held.number() + "\"",
				"value=\"张三\"", "value=\"" + CITIZEN_ID + "\"");
		// a holder without licences of the item is told so beside the field
		assertThat(page(window("action", "find-licences", "idNumber", "310115199002201222", "name", "李四"), 200))
				.contains("id=\"window-licenceNumber-error\"", "未找到该申请人持有的本事项证照");

		String refused = page(window("licenceNumber", "沪浦不存在的编号", "identityChecked", "true"), 400);
		assertThat(refused).contains("id=\"window-licenceNumber-error\"", "不是申请人持有的证照", "aria-invalid=\"true\"",
				"value=\"沪浦不存在的编号\"", "value=\"张三\"").doesNotContain("不是您持有的证照");

		String location = mvc.perform(window("licenceChoice", held.number(), "identityChecked", "true"))
				.andExpect(redirectedUrlPattern("/cases/*?opened")).andReturn().getResponse().getRedirectedUrl();
		assertThat(location).startsWith("/cases/");
	}
}
