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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The workbench pages, the window channel, and who may do what. */
class WorkingThroughThePagesTests extends HandlingTest {

	@Autowired
	UserDetailsService users;

	RequestPostProcessor as(String username) {
		return user(users.loadUserByUsername(username));
	}

	@Test
	void aClerkOpensAWindowCaseAfterCheckingTheIdAndItJoinsTheSameProcess() throws Exception {
		String window = """
				{"application": {"itemCode": "PD-WJW-XK-008", "situation": "NEW",
				  "applicant": {"kind": "PERSON", "idNumber": "310115199002201222", "name": "%s"}, "form": {"phone": "13900000001"}},
				 "identityChecked": %s}""";
		// the ID card must have been checked
		mvc.perform(post("/api/window/cases").with(basic("clerk")).contentType(MediaType.APPLICATION_JSON)
				.content(window.formatted("李四", false))).andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].field").value("identityChecked"));
		// the population register knows this number under another name
		mvc.perform(post("/api/window/cases").with(basic("clerk")).contentType(MediaType.APPLICATION_JSON)
				.content(window.formatted("李四四", true))).andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].field").value("applicant.name"));
		// an invalid number is refused with the reason
		mvc.perform(post("/api/window/cases").with(basic("clerk")).contentType(MediaType.APPLICATION_JSON)
				.content(window.formatted("李四", true).replace("310115199002201222", "310115199002201223")))
				.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("applicant.idNumber"));
		// only clerks open window cases
		mvc.perform(post("/api/window/cases").with(basic("approver")).contentType(MediaType.APPLICATION_JSON)
				.content(window.formatted("李四", true))).andExpect(status().isForbidden());
		String json = mvc.perform(post("/api/window/cases").with(basic("clerk")).contentType(MediaType.APPLICATION_JSON)
				.content(window.formatted("李四", true))).andExpect(status().isCreated())
				.andExpect(jsonPath("$.channel").value("WINDOW"))
				.andExpect(jsonPath("$.status").value("DRAFT"))
				.andReturn().getResponse().getContentAsString();
		String id = id(json);
		// the materials first: scans or paper originals the clerk received at the counter
		mvc.perform(post("/api/cases/{id}/actions/submit", id).with(basic("clerk")).header("Idempotency-Key", key()))
				.andExpect(status().isBadRequest()).andExpect(jsonPath("$.type").value("https://tongban.org/problems/materials-missing"));
		List<String> required = applications.requiredUploads("PD-WJW-XK-008", "NEW");
		assertThat(required).isNotEmpty();
		mvc.perform(post("/api/cases/{id}/paper-materials", id).with(basic("approver")).contentType(MediaType.APPLICATION_JSON)
				.content("{\"material\": \"" + required.get(0) + "\"}")).andExpect(status().isForbidden());
		mvc.perform(post("/api/cases/{id}/paper-materials", id).with(basic("clerk")).contentType(MediaType.APPLICATION_JSON)
				.content("{\"material\": \"<b>不在清单中的材料</b>\"}")).andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].field").value("material"));
		for (String material : required) {
			mvc.perform(post("/cases/{id}/paper", id).with(as("clerk")).with(csrf()).param("material", material))
					.andExpect(status().is3xxRedirection());
		}
		mvc.perform(get("/cases/{id}", id).with(as("clerk")))
				.andExpect(content().string(containsString("纸质原件（clerk 于窗口收取）")));
		mvc.perform(post("/api/cases/{id}/actions/submit", id).with(basic("clerk")).header("Idempotency-Key", key()))
				.andExpect(status().isCreated());
		read("clerk", id).andExpect(jsonPath("$.paperMaterials.length()").value(required.size()))
				.andExpect(jsonPath("$.paperMaterials[0].receivedBy").value("clerk"));
		assertStepOpen(id);
		assertThat(step(id)).isEqualTo("accept");
		// the applicant has no account: the corrections are brought to the counter and entered by a clerk
		act("clerk", id, "request-correction", "{\"items\": [\"放射防护培训合格证明\"]}").andExpect(status().isOk());
		act("citizen", id, "correct", null).andExpect(status().isNotFound());
		act("clerk", id, "correct", null).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("SUBMITTED"));
		act("clerk", id, "accept", null).andExpect(status().isOk()).andExpect(jsonPath("$.channel").value("WINDOW"));
		assertThat(jdbc.sql("SELECT owner FROM cases_case WHERE id = ?").param(UUID.fromString(id)).query(String.class)
				.single()).isEqualTo("window:310115199002201222");
	}

	/** The applicant answers a correction notice with files; the clerk sees which were uploaded for it. */
	@Test
	void filesUploadedForACorrectionNoticeAreMarkedForTheClerk() throws Exception {
		String id = submitted("PD-WJW-XK-010", "NEW", false);
		String material = "6个月内健康体检证明";
		act("clerk", id, "request-correction", "{\"items\": [\"" + material + "（已超过6个月，请重新体检）\"]}")
				.andExpect(status().isOk());
		mvc.perform(multipart("/api/cases/{id}/materials", id)
				.file(new org.springframework.mock.web.MockMultipartFile("file", "新体检证明.pdf", "application/pdf",
						org.tongban.support.Applying.scan("new")))
				.param("material", material).with(basic("citizen"))).andExpect(status().isCreated());
		mvc.perform(get("/work/cases/{id}", id).with(as("clerk")))
				.andExpect(content().string(containsString("新体检证明.pdf")))
				.andExpect(content().string(containsString("补正时上传")));
		act("citizen", id, "correct", "{\"reason\": \"已重新体检\"}").andExpect(status().isOk());
		// once the correction is in, the materials are fixed again
		mvc.perform(multipart("/api/cases/{id}/materials", id)
				.file(new org.springframework.mock.web.MockMultipartFile("file", "x.pdf", "application/pdf",
						org.tongban.support.Applying.scan("x")))
				.param("material", material).with(basic("citizen"))).andExpect(status().isConflict());
	}

	@Test
	void aWindowCaseOfSomeoneWithAnAccountShowsInTheirCases() throws Exception {
		String json = mvc.perform(post("/api/window/cases").with(basic("clerk")).contentType(MediaType.APPLICATION_JSON)
				.content("""
						{"application": {"itemCode": "PD-WJW-XK-008", "situation": "NEW",
						  "applicant": {"kind": "PERSON", "idNumber": "%s", "name": "张三"}, "form": {"phone": "021-68541234"}},
						 "identityChecked": true}""".formatted(CITIZEN_ID)))
				.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
		String id = id(json);
		mvc.perform(get("/api/cases").with(basic("citizen"))).andExpect(jsonPath("$[*].id", org.hamcrest.Matchers.hasItem(id)));
		// the clerk may edit the window draft; another clerk-less staff member may read but not edit it
		mvc.perform(post("/api/cases/{id}/actions/submit", id).with(basic("approver")).header("Idempotency-Key", key()))
				.andExpect(status().isNotFound());
	}

	@Test
	void anotherApplicantsCaseDoesNotExistForThemAndClerksCannotDecide() throws Exception {
		String id = submitted("PD-WJW-XK-008", "NEW", false);
		read("enterprise", id).andExpect(status().isNotFound());
		act("enterprise", id, "withdraw", "{\"reason\": \"x\"}").andExpect(status().isNotFound());
		act("enterprise", id, "accept", null).andExpect(status().isNotFound());
		mvc.perform(get("/api/worklist").with(basic("citizen"))).andExpect(status().isForbidden());
		act("citizen", id, "accept", null).andExpect(status().isForbidden());
		act("clerk", id, "approve", null).andExpect(status().isConflict())
				.andExpect(jsonPath("$.allowedActions[0]").value("accept"));
		act("clerk", id, "no-such-action", null).andExpect(status().isNotFound());
		act("clerk", id, "accept", null).andExpect(status().isOk());
		// accepted, the case has left the window for the item's division: the clerk no longer finds it
		act("clerk", id, "approve", null).andExpect(status().isNotFound());
		act("clerk", id, "claim", null).andExpect(status().isNotFound());
		// a claimed step belongs to its assignee until handed over
		act("approver", id, "claim", null).andExpect(status().isOk()).andExpect(jsonPath("$.assignee").value("approver"));
		act("approver2", id, "approve", null).andExpect(status().isForbidden())
				.andExpect(jsonPath("$.detail", containsString("已由 approver 签收")));
		act("approver", id, "hand-over", "{\"to\": \"clerk\"}").andExpect(status().isBadRequest());
		act("approver", id, "hand-over", "{\"to\": \"approver2\"}").andExpect(status().isOk())
				.andExpect(jsonPath("$.assignee").value("approver2"));
		act("approver2", id, "approve", null).andExpect(status().isOk());
	}

	@Test
	void theWorkbenchPagesShowTheStepsActionsAndEscapeWhatApplicantsTyped() throws Exception {
		String id = submitted("PD-WJW-XK-008", "NEW", false);
		mvc.perform(get("/work").with(as("clerk"))).andExpect(status().isOk())
				.andExpect(content().string(containsString("/work/cases/" + id)));
		mvc.perform(post("/work/cases/{id}/actions/request-correction", id).with(as("clerk")).with(csrf())
				.param("items", "<script>alert(1)</script>消毒记录\n平面图").param("reason", "").param("confirmed", "true"))
				.andExpect(redirectedUrlPattern("/work/cases/*"));
		mvc.perform(get("/cases/{id}", id).with(as("citizen"))).andExpect(status().isOk())
				.andExpect(content().string(containsString("&lt;script&gt;alert(1)&lt;/script&gt;消毒记录")))
				.andExpect(content().string(not(containsString("<script>alert(1)"))))
				.andExpect(content().string(containsString("submit-correction")));
		// without the CSRF token the form post is refused
		mvc.perform(post("/cases/{id}/correct", id).with(as("citizen"))).andExpect(status().isForbidden());
		mvc.perform(post("/cases/{id}/correct", id).with(as("citizen")).with(csrf()).param("confirmed", "true"))
				.andExpect(redirectedUrlPattern("/cases/*"));
		assertThat(caseStatus(id)).isEqualTo("SUBMITTED");
		mvc.perform(get("/work/cases/{id}", id).with(as("clerk"))).andExpect(status().isOk())
				.andExpect(content().string(containsString("action-accept")));
		mvc.perform(get("/work/cases/{id}", id).with(as("citizen"))).andExpect(status().isForbidden());
		mvc.perform(get("/work/window").with(as("clerk")).param("item", "PD-WJW-XK-024")).andExpect(status().isOk())
				.andExpect(content().string(containsString("已核验身份证件原件")));
		mvc.perform(get("/work/window").with(as("approver"))).andExpect(status().isForbidden());
	}
}
