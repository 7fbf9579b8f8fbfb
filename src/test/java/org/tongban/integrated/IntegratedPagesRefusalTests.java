package org.tongban.integrated;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.tongban.identity.AccountManagement;
import org.tongban.identity.Role;

/**
 * The 一业一证 pages refuse: another enterprise's application is not found (404), a citizen or staff member may not
 * apply (403), an anonymous visitor is sent to sign in, a form without its CSRF token is refused (403), and refused
 * input comes back on the same page with each message beside its field, every value kept and nothing opened, any
 * HTML typed shown as text.
 */
class IntegratedPagesRefusalTests extends IntegratedPagesTest {

	static final String OTHER = "int-other-enterprise";

	static final String OTHER_PASSWORD = "Other-unit-2026!";

	@Autowired
	AccountManagement accounts;

	@Test
	void anotherUnitsApplicationIsNotFoundAndOnlyEnterprisesMayApply() throws Exception {
		UUID id = applyThroughThePages("13800000031");
		if (accounts.all().stream().noneMatch(a -> a.username().equals(OTHER))) {
			accounts.create(new AccountManagement.NewAccount(OTHER, "上海另一口腔诊所有限公司", OTHER_PASSWORD,
					Set.of(Role.ENTERPRISE), null, null, "91310115MA1P7Q8R3H", null));
		}
		mvc.perform(get("/integrated/applications/{id}", id).with(basic("enterprise"))).andExpect(status().isOk());
		mvc.perform(get("/integrated/applications/{id}", id).with(other())).andExpect(status().isNotFound());
		assertThat(mvc.perform(get("/integrated/applications").with(other())).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8)).doesNotContain(id.toString());
		assertThat(mvc.perform(get("/integrated/applications").with(basic("enterprise"))).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8)).contains(id.toString());
		mvc.perform(get("/integrated/licences/{n}/apply", "沪浦综许2026999999").with(other()))
			.andExpect(status().isNotFound());

		for (String user : new String[] { "citizen", "biomed", "clerk" }) {
			mvc.perform(get("/integrated/applications/new").param("package", "DENTAL_CLINIC").params(answerParams())
				.with(basic(user))).andExpect(status().isForbidden());
			mvc.perform(get("/integrated/applications/{id}", id).with(basic(user))).andExpect(status().isForbidden());
			mvc.perform(get("/integrated/applications").with(basic(user))).andExpect(status().isForbidden());
			mvc.perform(post("/integrated/applications").param("package", "DENTAL_CLINIC").with(basic(user))
				.with(csrf())).andExpect(status().isForbidden());
		}
		mvc.perform(get("/integrated/applications/new").param("package", "DENTAL_CLINIC").params(answerParams()))
			.andExpect(redirectedUrl("/login"));
		mvc.perform(get("/integrated/applications/{id}", id)).andExpect(redirectedUrl("/login"));
	}

	static org.springframework.test.web.servlet.request.RequestPostProcessor other() {
		return org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic(OTHER,
				OTHER_PASSWORD);
	}

	@Test
	void aFormWithoutItsCsrfTokenIsRefusedAndNothingOpened() throws Exception {
		MergedApplication merged = packages.merge("DENTAL_CLINIC", dentalWithXray());
		String token = UUID.randomUUID().toString();
		mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
			.multipart("/integrated/applications").param("package", "DENTAL_CLINIC").param("token", token)
			.param("confirmed", "true").params(answerParams()).with(basic("enterprise")))
			.andExpect(status().isForbidden());
		assertThat(countApplications(token)).isZero();
	}

	@Test
	void refusedInputComesBackBesideEachFieldWithEverythingKeptAndHtmlShownAsText() throws Exception {
		MergedApplication merged = packages.merge("DENTAL_CLINIC", dentalWithXray());
		String token = UUID.randomUUID().toString();
		var request = applyForm(merged, token, "123", "enterprise", Map.of("form.institutionName",
				"<script>alert(1)</script>诊所", "form.principalIdNumber", "310115199002201223", "form.chairs", "三台"));
		request.param("confirmed", "true");
		var refused = mvc.perform(request).andExpect(status().isBadRequest()).andReturn().getResponse();
		String page = refused.getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).contains("id=\"refusal\"", "id=\"form-principalIdNumber-error\"", "id=\"form-chairs-error\"",
				"id=\"phone-error\"", "value=\"三台\"", "value=\"310115199002201223\"", "value=\"123\"",
				"&lt;script&gt;alert(1)&lt;/script&gt;诊所", "已上传：")
			.doesNotContain("<script>alert(1)");
		// the message sits with its field: the principal's ID number's input points at its own error
		assertThat(page).containsPattern("id=\"form-principalIdNumber\"[^>]*aria-describedby=\"form-principalIdNumber-error");
		assertThat(countApplications(token)).isZero();

		// the uploads were held: the corrected form alone, without files, goes through to the confirm page
		java.util.function.Supplier<org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder> form = () -> {
		var corrected = post("/integrated/applications").with(basic("enterprise")).with(csrf()).param("token", token)
			.param("package", "DENTAL_CLINIC").param("phone", "13800000033").param("applicantName", "上海浦东示例口腔门诊部有限公司")
			.params(answerParams());
		for (MergedApplication.MergedField f : merged.fields()) {
			Object v = f.prefilled() != null ? f.prefilled() : f.sample();
			if (v != null && !"table".equals(f.type())) {
				corrected.param("form." + f.name(), String.valueOf(v));
			}
		}
		corrected.param("form.xrayEquipment[0].name", "口腔全景X射线机").param("form.xrayEquipment[0].model", "OP300")
			.param("form.xrayEquipment[0].manufacturer", "某某医疗设备有限公司")
			.param("form.xrayEquipment[0].serialNumber", "OP3-2024-0178")
			.param("form.xrayEquipment[0].category", "Ⅲ类射线装置");
		return corrected;
		};
		String confirm = mvc.perform(form.get().cookie(refused.getCookie("SESSION"))).andExpect(status().isOk()).andReturn()
			.getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(confirm).contains("确认提交综合申请", "PREMISES.pdf");
		// in another session nothing is held: the same post is refused for the uploads, beside each document
		String elsewhere = mvc.perform(form.get().cookie(new jakarta.servlet.http.Cookie("SESSION", "none")))
			.andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(elsewhere).contains("id=\"document-0-error\"");
		assertThat(countApplications(token)).isZero();
	}

	@Test
	void theSessionHoldsNoMoreDocumentsThanAnApplicationCouldNeed() throws Exception {
		// 41 made-up documents: one more than HeldUploads keeps for a form
		String token = UUID.randomUUID().toString();
		var request = org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart("/integrated/applications")
			.param("package", "DENTAL_CLINIC").param("token", token).params(answerParams()).with(basic("enterprise"))
			.with(csrf());
		for (int i = 0; i <= 40; i++) {
			request.file(new org.springframework.mock.web.MockMultipartFile("documents.made-up-" + i, "a.pdf",
					"application/pdf", "%PDF-1.4".getBytes(StandardCharsets.US_ASCII)));
		}
		String page = mvc.perform(request).andExpect(status().isBadRequest()).andReturn().getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).contains("一份申请暂存的材料最多");
		assertThat(countApplications(token)).isZero();
	}
}
