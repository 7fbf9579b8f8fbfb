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

	@Autowired
	LicencePdf pdf;

	@Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	/** The clerk's form for 张三's change of nurse registration, with {@code fields} (name, value …) set over it. */
	MockHttpServletRequestBuilder window(String... fields) {
		Map<String, String> params = new java.util.LinkedHashMap<>(Map.of("item", "PD-WJW-XK-001", "situation", "CHANGE",
				"kind", "PERSON", "idType", "RESIDENT_ID", "idNumber", CITIZEN_ID, "name", "张三", "phone", "13800000000"));
		for (int i = 0; i < fields.length; i += 2) {
			params.put(fields[i], fields[i + 1]);
		}
		MockHttpServletRequestBuilder request = post("/work/window").with(user(users.loadUserByUsername("clerk")))
				.with(csrf());
		params.forEach(request::param);
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
		// the look-up is a view of the holder's data, on record
		assertThat(jdbc.sql("SELECT count(*) FROM identity_access_log WHERE username = 'clerk' AND record_type = 'licence-holder'"
				+ " AND record_id = ?").param(CITIZEN_ID).query(Long.class).single()).isPositive();
		// a holder without licences of the item is told so beside the field
		assertThat(page(window("action", "find-licences", "idNumber", "310115199002201222", "name", "李四"), 200))
				.contains("id=\"window-licenceNumber-error\"", "未找到该申请人持有的本事项证照");

		String refused = page(window("licenceNumber", "沪浦不存在的编号", "identityChecked", "true"), 400);
		assertThat(refused).contains("id=\"window-licenceNumber-error\"", "不是申请人持有的证照", "aria-invalid=\"true\"",
				"value=\"沪浦不存在的编号\"", "value=\"张三\"", "href=\"#window-licenceNumber\"")
				.doesNotContain("不是您持有的证照");

		String location = mvc.perform(window("licenceChoice", held.number(), "identityChecked", "true"))
				.andExpect(redirectedUrlPattern("/cases/*?opened")).andReturn().getResponse().getRedirectedUrl();
		assertThat(location).startsWith("/cases/");
	}

	@Test
	void aPassportHoldersLicenceNamesThePassportAndItsNumber() throws Exception {
		String location = mvc.perform(window("situation", "NEW", "idType", "PASSPORT", "idNumber", "E98765432",
				"name", "Anna Müller", "identityChecked", "true")).andExpect(redirectedUrlPattern("/cases/*?opened"))
				.andReturn().getResponse().getRedirectedUrl();
		java.util.UUID id = java.util.UUID.fromString(location.substring("/cases/".length(), location.indexOf('?')));
		org.tongban.cases.Case c = caseRecords.find(new org.tongban.cases.CaseId(id)).orElseThrow();
		Licence l = grantAndAwait(c, clock.instant());
		assertThat(l.holderIdType()).isEqualTo("PASSPORT");
		assertThat(l.holderId()).isEqualTo("E98765432");
		assertThat(pdf.html(l, licences.status(l), licences.verifyUrl(l))).contains("护照号码").doesNotContain("身份证号");
		assertThat(page(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/licences/" + l.number())
				.with(basic("approver")), 200)).contains("<dt>护照号码</dt>", "E98765432");
	}
}
