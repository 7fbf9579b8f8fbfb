package org.tongban.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** A citizen goes from the guidance result to a submitted case with the pages alone. */
class ApplyingThroughThePagesTests extends CasesIntegrationTest {

	@Autowired
	UserDetailsService users;

	private RequestPostProcessor as(String username) {
		return user(users.loadUserByUsername(username));
	}

	@Test
	void aCitizenAppliesOnlineFromTheGuidanceResultToSubmission() throws Exception {
		mvc.perform(get("/guidance/PD-WJW-XK-001/result").param("kind", "1").with(as("citizen")))
				.andExpect(content().string(containsString("按此申请")))
				.andExpect(content().string(not(containsString("即将开通"))));
		mvc.perform(get("/cases/new").param("item", "PD-WJW-XK-001").param("situation", "CHANGE").with(as("citizen")))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("value=\"张三\"")))
				.andExpect(content().string(containsString("value=\"" + CITIZEN_ID + "\"")))
				.andExpect(content().string(containsString("来源：账户信息")))
				.andExpect(content().string(containsString("免提交")));
		String location = mvc.perform(post("/cases").with(as("citizen")).with(csrf())
				.param("item", "PD-WJW-XK-001").param("situation", "CHANGE").param("name", "张三")
				.param("idNumber", CITIZEN_ID).param("form.phone", "13800000000")
				.param("form.note", "<script>alert('x')</script>"))
				.andExpect(status().is3xxRedirection())
				.andExpect(redirectedUrlPattern("/cases/*"))
				.andReturn().getResponse().getRedirectedUrl();
		mvc.perform(get(location).with(as("citizen")))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("草稿")))
				.andExpect(content().string(containsString("申请说明")))
				// stored as typed, shown escaped
				.andExpect(content().string(containsString("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;")))
				.andExpect(content().string(not(containsString("<script>alert"))));
		// the required materials first: the page names what is missing, and nothing is submitted
		mvc.perform(post(location + "/submit").param("token", java.util.UUID.randomUUID().toString()).with(as("citizen"))
				.with(csrf())).andExpect(status().isBadRequest())
				.andExpect(content().string(containsString("申请材料不齐全")))
				.andExpect(content().string(containsString("护士执业注册申请审核表")));
		for (String material : applications.requiredUploads("PD-WJW-XK-001", "CHANGE")) {
			mvc.perform(multipart(location + "/materials").file(new org.springframework.mock.web.MockMultipartFile("file",
					"scan.pdf", "application/pdf", org.tongban.support.Applying.scan(material))).param("material", material)
					.with(as("citizen")).with(csrf())).andExpect(status().is3xxRedirection());
		}
		String token = java.util.UUID.randomUUID().toString();
		for (int i = 0; i < 2; i++) {
			mvc.perform(post(location + "/submit").param("token", token).param("confirmed", "true").with(as("citizen"))
					.with(csrf())).andExpect(status().is3xxRedirection());
		}
		mvc.perform(get(location).param("submitted", "").with(as("citizen")))
				.andExpect(content().string(containsString("已提交，办件编号 ")))
				.andExpect(content().string(containsString("受理期限 ")));
		mvc.perform(get("/cases").with(as("citizen")))
				.andExpect(content().string(containsString("我的办件")))
				.andExpect(content().string(containsString(location)));
		String id = location.substring(location.lastIndexOf('/') + 1);
		assertThat(jdbc.sql("SELECT count(*) FROM cases_event WHERE case_id = ?::uuid AND status = 'SUBMITTED'")
				.param(id).query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void fieldsTheApplicantChoseNotToPrefillStayEmptyOnTheApplicationForm() throws Exception {
		// the choice made on the guidance result travels with 按此申请
		mvc.perform(get("/guidance/PD-WJW-XK-001/result").param("kind", "1").param("exclude", "phone")
				.with(as("citizen")))
				.andExpect(content().string(containsString("/cases/new?item=PD-WJW-XK-001&amp;situation=CHANGE&amp;exclude=phone")));
		String form = mvc.perform(get("/cases/new").param("item", "PD-WJW-XK-001").param("situation", "CHANGE")
				.param("exclude", "phone").param("exclude", "name").with(as("citizen")))
				.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		// the phone is still asked for (it is required), but not filled in
		assertThat(form).contains("id=\"form-phone\"").doesNotContain("13800000000").doesNotContain("value=\"张三\"")
				.contains("id=\"applicant-name\"").contains("您选择不预填")
				.contains("value=\"" + CITIZEN_ID + "\"");
	}

	@Test
	void anAnonymousVisitorIsSentToSignInFirst() throws Exception {
		mvc.perform(get("/cases/new").param("item", "PD-WJW-XK-001").param("situation", "CHANGE"))
				.andExpect(status().is3xxRedirection())
				.andExpect(header().string("Location", containsString("/login")));
	}

	@Test
	void aRefusedApplicationFormComesBackWithEveryFieldAsTypedAndTheMessagesBesideThem() throws Exception {
		long before = jdbc.sql("SELECT count(*) FROM cases_case").query(Long.class).single();
		mvc.perform(post("/cases").with(as("citizen")).with(csrf())
				.param("item", "PD-WJW-XK-001").param("situation", "CHANGE").param("name", "张三<i>")
				.param("idNumber", "310115198503151231").param("form.phone", "12345")
				.param("form.note", "换到<b>仁济</b>医院"))
				.andExpect(status().isBadRequest())
				.andExpect(content().string(containsString("id=\"refusal\"")))
				.andExpect(content().string(containsString("id=\"applicant-idNumber-error\"")))
				.andExpect(content().string(containsString("联系电话格式不正确")))
				.andExpect(content().string(containsString("value=\"张三&lt;i&gt;\"")))
				.andExpect(content().string(containsString("value=\"12345\"")))
				.andExpect(content().string(containsString("换到&lt;b&gt;仁济&lt;/b&gt;医院")))
				.andExpect(content().string(not(containsString("返回首页"))));
		assertThat(jdbc.sql("SELECT count(*) FROM cases_case").query(Long.class).single()).isEqualTo(before);
	}

	@Test
	void staffCannotOpenTheApplicationForm() throws Exception {
		mvc.perform(get("/cases/new").param("item", "PD-WJW-XK-001").param("situation", "CHANGE").with(as("clerk")))
				.andExpect(status().isForbidden());
	}

	@Test
	void anErrorPageKeepsTheHeaderOfWhoIsSignedInAndTheLargeFontMode() throws Exception {
		// the page's handler throws (another's or an unknown case is 404), so the error page is rendered by the
		// exception handler rather than after the controller: it still knows the user and the font choice
		mvc.perform(get("/cases/{id}", java.util.UUID.randomUUID()).with(as("citizen"))
				.cookie(new jakarta.servlet.http.Cookie("tb-font", "large")))
				.andExpect(status().isNotFound())
				.andExpect(content().string(containsString("未找到该办件")))
				.andExpect(content().string(containsString("large-font")))
				.andExpect(content().string(containsString("我的办件")));
	}
}
