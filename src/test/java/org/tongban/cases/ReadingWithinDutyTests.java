package org.tongban.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.EnumSet;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.tongban.identity.AccountManagement;
import org.tongban.identity.Role;

/**
 * A case is read and acted on only by staff whose duty covers it ({@link CaseDuty}); for everyone else it does
 * not exist (404, never 403). The cases belong to the demo citizen, an item of 生物医药处 (BIOMED); the other
 * division's approver is an account of 中医科教处 (TCM) opened here.
 */
class ReadingWithinDutyTests extends HandlingTest {

	/** 放射工作人员证发放: a licensing item of 生物医药处, reviewed and decided by two approvers. */
	static final String BIOMED_ITEM = "PD-WJW-XK-008";
	static final String OTHER_APPROVER = "approver-tcm";
	static final String PASSWORD = "Duty-check-2026";

	@Autowired
	AccountManagement accounts;

	@BeforeEach
	void anApproverOfAnotherDivision() {
		if (accounts.all().stream().noneMatch(a -> a.username().equals(OTHER_APPROVER))) {
			accounts.create(new AccountManagement.NewAccount(OTHER_APPROVER, "中医科教处 审批人员", PASSWORD,
					EnumSet.of(Role.APPROVER), "TCM", null, null, null));
		}
	}

	@Test
	void theCentresClerkReadsACaseWaitingForAcceptanceButNotOnceTheDivisionReviewsIt() throws Exception {
		String id = submitted(BIOMED_ITEM, "NEW", false);
		String material = material(id);
		read("clerk", id).andExpect(status().isOk()).andExpect(jsonPath("$.step").value("accept"));
		mvc.perform(get("/cases/{id}/materials/{m}", id, material).with(basic("clerk"))).andExpect(status().isOk());

		act("clerk", id, "accept", null).andExpect(status().isOk()).andExpect(jsonPath("$.step").value("review"));

		read("clerk", id).andExpect(status().isNotFound());
		act("clerk", id, "claim", null).andExpect(status().isNotFound());
		mvc.perform(get("/cases/{id}/materials/{m}", id, material).with(basic("clerk"))).andExpect(status().isNotFound());
		mvc.perform(get("/work/cases/{id}", id).with(basic("clerk"))).andExpect(status().isNotFound());
		mvc.perform(get("/api/worklist").with(basic("clerk"))).andExpect(jsonPath("$.tasks[*].id", not(hasItem(id))));
		// the division reviewing it reads it, and so do its applicant and its division's staff
		read("approver", id).andExpect(status().isOk());
		read("biomed", id).andExpect(status().isOk());
		read("citizen", id).andExpect(status().isOk());
	}

	@Test
	void theClerkAcceptingOnTheWorkbenchIsSentBackToTheWorklist() throws Exception {
		String id = submitted(BIOMED_ITEM, "NEW", false);
		mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
				.post("/work/cases/{id}/actions/accept", id).with(basic("clerk")).param("confirmed", "true")
				.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf()))
				.andExpect(status().is3xxRedirection())
				.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl("/work?done=accept"));
		mvc.perform(get("/work").param("done", "accept").with(basic("clerk"))).andExpect(status().isOk())
				.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
						.string(org.hamcrest.Matchers.containsString("已转入下一环节")));
	}

	@Test
	void anApproverOfAnotherDivisionIsToldTheCaseDoesNotExist() throws Exception {
		String id = submitted(BIOMED_ITEM, "NEW", false);
		String material = material(id);
		act("clerk", id, "accept", null).andExpect(status().isOk());

		mvc.perform(get("/api/cases/{id}", id).with(other())).andExpect(status().isNotFound());
		mvc.perform(get("/work/cases/{id}", id).with(other())).andExpect(status().isNotFound());
		mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
				.post("/api/cases/{id}/actions/approve", id).with(other())).andExpect(status().isNotFound());
		mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
				.post("/api/cases/{id}/actions/claim", id).with(other())).andExpect(status().isNotFound());
		mvc.perform(get("/cases/{id}/materials/{m}", id, material).with(other())).andExpect(status().isNotFound());
		mvc.perform(get("/api/worklist").with(other())).andExpect(status().isOk())
				.andExpect(jsonPath("$.tasks[*].id", not(hasItem(id))));
		// the same approver role in the item's division has it in the work list and may act
		mvc.perform(get("/api/worklist").with(basic("approver"))).andExpect(jsonPath("$.tasks[*].id", hasItem(id)));
		mvc.perform(get("/cases/{id}/materials/{m}", id, material).with(basic("approver"))).andExpect(status().isOk());
		act("approver", id, "claim", null).andExpect(status().isOk());
		assertThat(caseStatus(id)).isEqualTo("UNDER_REVIEW");
	}

	@Test
	void aStepIsHandedOverOnlyWithinTheItemsDivision() throws Exception {
		String id = submitted(BIOMED_ITEM, "NEW", false);
		act("clerk", id, "accept", null).andExpect(status().isOk());
		act("approver", id, "hand-over", "{\"to\": \"" + OTHER_APPROVER + "\"}").andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].field").value("to"));
		act("approver", id, "hand-over", "{\"to\": \"approver2\"}").andExpect(status().isOk())
				.andExpect(jsonPath("$.assignee").value("approver2"));
	}

	@Test
	void administratorsInspectorsAndOtherApplicantsSeeNoCaseContent() throws Exception {
		String id = submitted(BIOMED_ITEM, "NEW", false);
		read("admin", id).andExpect(status().isNotFound());
		read("inspector", id).andExpect(status().isNotFound());
		read("enterprise", id).andExpect(status().isNotFound());
		// waiting for the window, the case is no escalation: leaders do not see it either
		read("leader", id).andExpect(status().isNotFound());
		act("admin", id, "accept", null).andExpect(status().isNotFound());
		mvc.perform(get("/api/worklist").with(basic("admin"))).andExpect(status().isForbidden());
		mvc.perform(get("/api/cases/{id}", UUID.randomUUID()).with(basic("clerk"))).andExpect(status().isNotFound());
	}

	private String material(String id) throws Exception {
		String json = read("citizen", id).andReturn().getResponse().getContentAsString();
		return json.replaceAll("(?s).*\"materials\":\\[\\{\"id\":\"([0-9a-f-]+)\".*", "$1");
	}

	private static org.springframework.test.web.servlet.request.RequestPostProcessor other() {
		return SecurityMockMvcRequestPostProcessors.httpBasic(OTHER_APPROVER, PASSWORD);
	}
}
