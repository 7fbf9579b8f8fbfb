package org.tongban.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.tongban.support.Applying;

/**
 * Every step that cannot be undone asks first and then says what happened and what comes next; refused input
 * comes back on the same page, beside the field, with what was typed; a draft is deleted, not withdrawn.
 */
class ConfirmingAndSayingWhatHappenedTests extends HandlingTest {

	static final String ITEM = "PD-WJW-XK-010";

	@Autowired
	UserDetailsService users;

	RequestPostProcessor as(String username) {
		return user(users.loadUserByUsername(username));
	}

	private String draft() throws Exception {
		return Applying.draft(mvc, "citizen", """
				{"itemCode": "%s", "situation": "NEW", "applicant": {"kind": "PERSON", "idNumber": "%s", "name": "张三"},
				 "form": {"phone": "13800000000"}}""".formatted(ITEM, CITIZEN_ID));
	}

	@Test
	void submittingAsksFirstThenGivesTheNumberAndTheAcceptanceDeadline() throws Exception {
		String id = draft();
		Applying.uploadRequired(mvc, applications, "citizen", id, ITEM, "NEW");
		String token = UUID.randomUUID().toString();
		mvc.perform(post("/cases/{id}/submit", id).with(as("citizen")).with(csrf()).param("token", token))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("确认提交申请")))
				.andExpect(content().string(containsString("5 个工作日内决定是否受理")))
				.andExpect(content().string(containsString("name=\"token\" value=\"" + token + "\"")))
				.andExpect(content().string(containsString("id=\"confirm-submit\"")));
		assertThat(caseStatus(id)).isEqualTo("DRAFT");
		mvc.perform(post("/cases/{id}/submit", id).with(as("citizen")).with(csrf()).param("token", token)
				.param("confirmed", "true")).andExpect(redirectedUrl("/cases/" + id + "?submitted"));
		assertThat(caseStatus(id)).isEqualTo("SUBMITTED");
		LocalDate due = jdbc.sql("SELECT acceptance_due FROM cases_case WHERE id = ?::uuid").param(id)
				.query(LocalDate.class).single();
		String number = jdbc.sql("SELECT case_number FROM cases_case WHERE id = ?::uuid").param(id).query(String.class).single();
		mvc.perform(get("/cases/{id}", id).param("submitted", "").with(as("citizen")))
				.andExpect(content().string(containsString("已提交，办件编号 " + number)))
				.andExpect(content().string(containsString("受理期限 " + due.getMonthValue() + "月" + due.getDayOfMonth() + "日")));
		// the confirmed form sent again (a double click, a reload) returns the first result
		mvc.perform(post("/cases/{id}/submit", id).with(as("citizen")).with(csrf()).param("token", token)
				.param("confirmed", "true")).andExpect(redirectedUrl("/cases/" + id + "?submitted"));
	}

	@Test
	void aSubmissionMissingMaterialsComesBackOnTheCasePageNamingThem() throws Exception {
		String id = draft();
		mvc.perform(post("/cases/{id}/submit", id).with(as("citizen")).with(csrf()).param("token", UUID.randomUUID().toString()))
				.andExpect(status().isBadRequest())
				.andExpect(content().string(containsString("id=\"submit-error\"")))
				.andExpect(content().string(containsString("缺少必需材料")))
				.andExpect(content().string(not(containsString("返回首页"))));
		assertThat(caseStatus(id)).isEqualTo("DRAFT");
	}

	@Test
	void aRejectedUploadIsToldBesideItsMaterialAndNothingIsStored() throws Exception {
		String id = draft();
		String material = applications.requiredUploads(ITEM, "NEW").get(0);
		// a script disguised as a PDF by its name and declared type
		mvc.perform(multipart("/cases/{id}/materials", id)
				.file(new MockMultipartFile("file", "体检.pdf", "application/pdf", "<script>alert(1)</script>".getBytes()))
				.param("material", material).with(as("citizen")).with(csrf()))
				.andExpect(status().is4xxClientError())
				.andExpect(content().string(containsString("class=\"field-error\" role=\"alert\"")))
				.andExpect(content().string(containsString("实际格式不受支持")))
				.andExpect(content().string(containsString("aria-invalid=\"true\"")))
				.andExpect(content().string(containsString("id=\"materials\"")));
		assertThat(jdbc.sql("SELECT count(*) FROM cases_material WHERE case_id = ?::uuid").param(id).query(Long.class)
				.single()).isZero();
	}

	@Test
	void aWrongPhoneIsToldBesideTheFieldWithWhatWasTypedKept() throws Exception {
		String id = draft();
		mvc.perform(post("/cases/{id}/form", id).with(as("citizen")).with(csrf()).param("form.phone", "12<b>3")
				.param("form.note", "请尽快办理"))
				.andExpect(status().isBadRequest())
				.andExpect(content().string(containsString("id=\"form-phone-error\"")))
				.andExpect(content().string(containsString("联系电话格式不正确")))
				.andExpect(content().string(containsString("value=\"12&lt;b&gt;3\"")))
				// the item's form defines the note as long text: kept in its text area
				.andExpect(content().string(containsString("请尽快办理</textarea>")));
		// nothing half-written: the stored form is the one before
		mvc.perform(get("/api/cases/{id}", id).with(basic("citizen"))).andExpect(jsonPath("$.form.phone").value("13800000000"));
	}

	@Test
	void withdrawingAsksWithTheReasonThenSaysTheCaseHasEnded() throws Exception {
		String id = submitted(ITEM, "NEW", false);
		mvc.perform(post("/cases/{id}/withdraw", id).with(as("citizen")).with(csrf()).param("reason", " "))
				.andExpect(status().isBadRequest())
				.andExpect(content().string(containsString("id=\"withdraw-reason-error\"")))
				.andExpect(content().string(containsString("请填写撤回原因")));
		mvc.perform(post("/cases/{id}/withdraw", id).with(as("citizen")).with(csrf()).param("reason", "<i>不办了</i>"))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("确认撤回申请")))
				.andExpect(content().string(containsString("&lt;i&gt;不办了&lt;/i&gt;")))
				.andExpect(content().string(containsString("撤回后不能恢复")));
		assertThat(caseStatus(id)).isEqualTo("SUBMITTED");
		mvc.perform(post("/cases/{id}/withdraw", id).with(as("citizen")).with(csrf()).param("reason", "不办了")
				.param("confirmed", "true"))
				.andExpect(redirectedUrl("/cases/" + id))
				.andExpect(flash().attribute("outcome", containsString("已撤回申请（办件编号 ")));
		assertThat(caseStatus(id)).isEqualTo("WITHDRAWN");
		// someone else cannot even ask
		mvc.perform(post("/cases/{id}/withdraw", id).with(as("enterprise")).with(csrf()).param("reason", "x"))
				.andExpect(status().isNotFound());
	}

	@Test
	void aDraftIsDeletedNotWithdrawnAndLeavesNoCase() throws Exception {
		String id = draft();
		Applying.uploadRequired(mvc, applications, "citizen", id, ITEM, "NEW");
		mvc.perform(get("/cases/{id}", id).with(as("citizen")))
				.andExpect(content().string(containsString("删除草稿")))
				.andExpect(content().string(not(containsString("id=\"withdraw-case\""))));
		// withdrawing a draft is refused, pointing at deleting it
		act("citizen", id, "withdraw", "{\"reason\": \"不办了\"}").andExpect(status().isConflict())
				.andExpect(jsonPath("$.detail", containsString("可以删除")));
		mvc.perform(post("/cases/{id}/delete", id).with(as("enterprise")).with(csrf())).andExpect(status().isNotFound());
		mvc.perform(post("/cases/{id}/delete", id).with(as("citizen")).with(csrf()))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("确认删除草稿")));
		assertThat(caseStatus(id)).isEqualTo("DRAFT");
		mvc.perform(post("/cases/{id}/delete", id).with(as("citizen")).with(csrf()).param("confirmed", "true"))
				.andExpect(redirectedUrl("/cases"))
				.andExpect(flash().attribute("outcome", containsString("已删除草稿")));
		assertThat(jdbc.sql("SELECT count(*) FROM cases_case WHERE id = ?::uuid").param(id).query(Long.class).single()).isZero();
		assertThat(jdbc.sql("SELECT count(*) FROM cases_material WHERE case_id = ?::uuid").param(id).query(Long.class)
				.single()).isZero();
		assertThat(jdbc.sql("SELECT count(*) FROM identity_audit_entry WHERE action = 'case.draft-deleted' AND subject_id = ?")
				.param(id).query(Long.class).single()).isOne();
		mvc.perform(get("/cases/{id}", id).with(as("citizen"))).andExpect(status().isNotFound());
	}

	@Test
	void theApiDeletesDraftsOnly() throws Exception {
		String id = draft();
		mvc.perform(delete("/api/cases/{id}", id).with(basic("enterprise"))).andExpect(status().isNotFound());
		mvc.perform(delete("/api/cases/{id}", id).with(basic("citizen"))).andExpect(status().isNoContent());
		mvc.perform(get("/api/cases/{id}", id).with(basic("citizen"))).andExpect(status().isNotFound());
		String submitted = submitted(ITEM, "NEW", false);
		mvc.perform(delete("/api/cases/{id}", submitted).with(basic("citizen"))).andExpect(status().isConflict())
				.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
				.andExpect(jsonPath("$.detail", containsString("可以撤回")));
	}

	@Test
	void staffConfirmAnIrreversibleActionAndAreToldWhatItDid() throws Exception {
		String id = submitted(ITEM, "NEW", false);
		mvc.perform(post("/work/cases/{id}/actions/refuse", id).with(as("clerk")).with(csrf())
				.param("reason", "<b>不属于本机关职权</b>"))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("确认：不予受理")))
				.andExpect(content().string(containsString("确认后不能撤销")))
				.andExpect(content().string(containsString("&lt;b&gt;不属于本机关职权&lt;/b&gt;")))
				.andExpect(content().string(containsString("id=\"confirm-refuse\"")));
		assertThat(caseStatus(id)).isEqualTo("SUBMITTED");
		// confirmed with the reason emptied: the work page again, the message beside the form
		mvc.perform(post("/work/cases/{id}/actions/refuse", id).with(as("clerk")).with(csrf()).param("reason", "")
				.param("confirmed", "true"))
				.andExpect(status().isBadRequest())
				.andExpect(content().string(containsString("id=\"refuse-error\"")));
		assertThat(caseStatus(id)).isEqualTo("SUBMITTED");
		String number = jdbc.sql("SELECT case_number FROM cases_case WHERE id = ?::uuid").param(id).query(String.class).single();
		mvc.perform(post("/work/cases/{id}/actions/accept", id).with(as("clerk")).with(csrf()).param("confirmed", "true"))
				.andExpect(status().is3xxRedirection())
				.andExpect(flash().attribute("outcome", containsString("已受理办件 " + number + "，承诺")));
		assertThat(caseStatus(id)).isEqualTo("UNDER_REVIEW");
	}

	@Test
	void theTimelineNamesPeopleNotLogins() throws Exception {
		String id = submitted(ITEM, "NEW", false);
		act("clerk", id, "accept", null).andExpect(status().isOk());
		mvc.perform(get("/cases/{id}", id).with(as("citizen")))
				.andExpect(content().string(containsString("李窗口（受理）")))
				.andExpect(content().string(containsString("申请人 张三")))
				.andExpect(content().string(not(containsString("<span class=\"muted\">clerk</span>"))));
	}
}
