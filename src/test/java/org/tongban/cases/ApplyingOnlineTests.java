package org.tongban.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Submitting online: validated, idempotent, visible only to the applicant. Submitting in one call fits a
 * situation whose required materials the authority holds already (放射工作人员证 注销: ID card, employer and
 * the card itself are all 免提交); otherwise the materials are uploaded to a draft first.
 */
@RecordApplicationEvents
class ApplyingOnlineTests extends CasesIntegrationTest {

	/**
	 * Every required material must be there before submitting: a 400 names each one missing, and nothing is
	 * saved (the key stays unused); uploaded, the same draft submits.
	 */
	@Test
	void aSubmissionWithoutItsRequiredMaterialsNamesEachOneAndSavesNothing() throws Exception {
		String key = key();
		mvc.perform(apply(key, citizenBody("PD-WJW-XK-001", "CHANGE", "缺材料")).with(basic("citizen")))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.type").value("https://tongban.org/problems/materials-missing"))
				.andExpect(jsonPath("$.errors[*].field", org.hamcrest.Matchers.everyItem(org.hamcrest.Matchers.is("materials"))))
				.andExpect(jsonPath("$.errors[0].message", containsString("护士执业注册申请审核表")))
				.andExpect(jsonPath("$.errors[1].message", containsString("聘用证明或劳动合同")))
				.andExpect(jsonPath("$.errors.length()").value(2));
		assertThat(casesWithKey("citizen", key)).isZero();
		String id = org.tongban.support.Applying.draft(mvc, "citizen", citizenBody("PD-WJW-XK-001", "CHANGE", "缺材料"));
		mvc.perform(post("/api/cases/{id}/actions/submit", id).header("Idempotency-Key", key()).with(basic("citizen")))
				.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors.length()").value(2));
		org.tongban.support.Applying.uploadRequired(mvc, applications, "citizen", id, "PD-WJW-XK-001", "CHANGE");
		mvc.perform(post("/api/cases/{id}/actions/submit", id).header("Idempotency-Key", key()).with(basic("citizen")))
				.andExpect(status().isCreated());
	}

	@Autowired
	ApplicationEvents events;

	@Autowired
	org.tongban.shared.WorkingDayCalendar calendar;

	@Test
	void aCitizenSubmitsAnApplicationAndFindsItInMyCases() throws Exception {
		String body = mvc.perform(apply(key(), citizenBody("PD-WJW-XK-008", "CANCEL", "<b>请尽快</b>"))
				.with(basic("citizen")))
				.andExpect(status().isCreated())
				.andExpect(jsonPath("$.status").value("SUBMITTED"))
				// art. 32: the acceptance decision is due five working days after receipt
				.andExpect(jsonPath("$.deadline").value(
						calendar.plusWorkingDays(clock.today(), 5).toString()))
				.andReturn().getResponse().getContentAsString();
		String id = id(body);
		mvc.perform(get("/api/cases/{id}", id).with(basic("citizen")))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.itemCode").value("PD-WJW-XK-008"))
				.andExpect(jsonPath("$.situation").value("CANCEL"))
				.andExpect(jsonPath("$.channel").value("ONLINE"))
				.andExpect(jsonPath("$.applicant.idNumber").value(CITIZEN_ID))
				// HTML is kept as the text the applicant typed
				.andExpect(jsonPath("$.form.note").value("<b>请尽快</b>"))
				.andExpect(jsonPath("$.timeline[0].status").value("DRAFT"))
				.andExpect(jsonPath("$.timeline[1].status").value("SUBMITTED"))
				.andExpect(jsonPath("$.timeline[1].statusLabel").value("待受理"));
		mvc.perform(get("/api/cases").param("mine", "true").with(basic("citizen")))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$[*].id", hasItem(id)));
		assertThat(events.stream(CaseSubmitted.class)).anyMatch(e -> e.caseId().value().toString().equals(id)
				&& e.channel() == Channel.ONLINE && e.situation().equals("CANCEL"));
	}

	@Test
	void aReplayWithTheSameKeyReturnsTheFirstCase() throws Exception {
		String key = key();
		String body = citizenBody("PD-WJW-XK-008", "CANCEL", "一次");
		String first = mvc.perform(apply(key, body).with(basic("citizen"))).andExpect(status().isCreated())
				.andReturn().getResponse().getContentAsString();
		String again = mvc.perform(apply(key, body).with(basic("citizen"))).andExpect(status().isOk())
				.andReturn().getResponse().getContentAsString();
		assertThat(id(again)).isEqualTo(id(first));
		assertThat(casesWithKey("citizen", key)).isEqualTo(1);
	}

	@Test
	void concurrentReplaysStillCreateOneCase() throws Exception {
		String key = key();
		String body = citizenBody("PD-WJW-XK-008", "CANCEL", "并发 " + key);
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			List<Callable<String>> calls = new ArrayList<>();
			for (int i = 0; i < 2; i++) {
				calls.add(() -> mvc.perform(apply(key, body).with(basic("citizen"))).andReturn().getResponse()
						.getContentAsString());
			}
			List<String> ids = new ArrayList<>();
			for (Future<String> f : pool.invokeAll(calls)) {
				ids.add(id(f.get()));
			}
			assertThat(ids.get(0)).isEqualTo(ids.get(1));
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(casesWithKey("citizen", key)).isEqualTo(1);
		// and no case was created outside the key either
		assertThat(jdbc.sql("SELECT count(*) FROM cases_case WHERE owner = 'citizen' AND form->>'note' = ?")
				.param("并发 " + key).query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void theSameKeyWithADifferentRequestIsRefused() throws Exception {
		String key = key();
		mvc.perform(apply(key, citizenBody("PD-WJW-XK-008", "CANCEL", "甲")).with(basic("citizen")))
				.andExpect(status().isCreated());
		mvc.perform(apply(key, citizenBody("PD-WJW-XK-008", "CANCEL", "乙")).with(basic("citizen")))
				.andExpect(status().is(422))
				.andExpect(jsonPath("$.detail").value(containsString("Idempotency-Key")));
		assertThat(casesWithKey("citizen", key)).isEqualTo(1);
	}

	@Test
	void submittingWithoutAKeyIsRefusedInChinese() throws Exception {
		mvc.perform(apply(null, citizenBody("PD-WJW-XK-008", "CANCEL", "无键")).with(basic("citizen")))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].field").value("Idempotency-Key"))
				.andExpect(jsonPath("$.detail").value(containsString("必须提供")));
	}

	@Test
	void anUnknownItemIsNotFoundAndAnUnknownSituationIsNamed() throws Exception {
		mvc.perform(apply(key(), citizenBody("PD-WJW-XK-404", "NEW", "")).with(basic("citizen")))
				.andExpect(status().isNotFound());
		mvc.perform(apply(key(), citizenBody("PD-WJW-XK-008", "NO-SUCH", "")).with(basic("citizen")))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].field").value("situation"))
				.andExpect(jsonPath("$.errors[0].message").value(containsString("NO-SUCH")));
	}

	@Test
	void anInvalidIdNumberOrUsccIsAFieldError() throws Exception {
		mvc.perform(apply(key(), citizenBody("PD-WJW-XK-008", "CANCEL", "").replace(CITIZEN_ID, "310115198503151231"))
				.with(basic("citizen")))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].field").value("applicant.idNumber"))
				.andExpect(jsonPath("$.errors[0].message").value(containsString("校验位")));
		String enterprise = """
				{"itemCode": "PD-WJW-XK-008", "situation": "CANCEL",
				 "applicant": {"kind": "ENTERPRISE", "uscc": "91310115MA1K3Y4N2X", "name": "示例", "agentName": "李四"},
				 "form": {}}""";
		mvc.perform(apply(key(), enterprise).with(basic("enterprise")))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].field").value("applicant.uscc"));
	}

	@Test
	void aCitizenMayOnlyApplyAsThemselves() throws Exception {
		// a valid number, but someone else's
		mvc.perform(apply(key(), citizenBody("PD-WJW-XK-008", "CANCEL", "").replace(CITIZEN_ID, "11010519491231002X"))
				.with(basic("citizen")))
				.andExpect(status().isForbidden());
	}

	@Test
	void aWrongTypedFormFieldIsNamed() throws Exception {
		String body = citizenBody("PD-WJW-XK-008", "CANCEL", "").replace("\"phone\": \"13800000000\"", "\"phone\": 5");
		mvc.perform(apply(key(), body).with(basic("citizen")))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].field").value("form.phone"));
	}

	@Test
	void aSubmissionWithoutAUsablePhoneNamesTheField() throws Exception {
		String missing = citizenBody("PD-WJW-XK-008", "CANCEL", "").replace("\"phone\": \"13800000000\", ", "");
		mvc.perform(apply(key(), missing).with(basic("citizen")))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].field").value("form.phone"))
				.andExpect(jsonPath("$.errors[0].message").value(containsString("联系电话")));
		String wrong = citizenBody("PD-WJW-XK-008", "CANCEL", "").replace("13800000000", "12345");
		mvc.perform(apply(key(), wrong).with(basic("citizen")))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].field").value("form.phone"))
				.andExpect(jsonPath("$.errors[0].message").value(containsString("格式不正确")));
	}

	@Test
	void staffCannotApplyOnline() throws Exception {
		mvc.perform(apply(key(), citizenBody("PD-WJW-XK-008", "CANCEL", "")).with(basic("clerk")))
				.andExpect(status().isForbidden());
	}

	@Test
	void anotherApplicantsCaseIdIsNotFound() throws Exception {
		String id = id(mvc.perform(apply(key(), citizenBody("PD-WJW-XK-008", "CANCEL", "私密")).with(basic("citizen")))
				.andReturn().getResponse().getContentAsString());
		mvc.perform(get("/api/cases/{id}", id).with(basic("enterprise"))).andExpect(status().isNotFound());
		mvc.perform(post("/api/cases/{id}/actions/withdraw", id).contentType(MediaType.APPLICATION_JSON)
				.content("{\"reason\": \"x\"}").with(basic("enterprise"))).andExpect(status().isNotFound());
	}

	@Test
	void theApplicantWithdrawsBeforeTheDecision() throws Exception {
		String id = id(mvc.perform(apply(key(), citizenBody("PD-WJW-XK-008", "CANCEL", "撤回")).with(basic("citizen")))
				.andReturn().getResponse().getContentAsString());
		mvc.perform(post("/api/cases/{id}/actions/withdraw", id).contentType(MediaType.APPLICATION_JSON)
				.content("{}").with(basic("citizen")))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].field").value("reason"));
		mvc.perform(post("/api/cases/{id}/actions/withdraw", id).contentType(MediaType.APPLICATION_JSON)
				.content("{\"reason\": \"材料需要补充后再申请\"}").with(basic("citizen")))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.status").value("WITHDRAWN"))
				.andExpect(jsonPath("$.timeline[2].reason").value("材料需要补充后再申请"));
		mvc.perform(post("/api/cases/{id}/actions/withdraw", id).contentType(MediaType.APPLICATION_JSON)
				.content("{\"reason\": \"再撤一次\"}").with(basic("citizen")))
				.andExpect(status().isConflict());
		assertThat(events.stream(CaseWithdrawn.class)).anyMatch(e -> e.caseId().value().toString().equals(id));
	}
}
