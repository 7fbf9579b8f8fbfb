package org.tongban.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.tongban.shared.WorkingDayCalendar;

/** Every path of the handling process, through the API. */
@RecordApplicationEvents
class HandlingTests extends HandlingTest {

	/** 放射工作人员证发放 (生物医药处, the demo approvers' division): licensing, 20 working days, four eyes. */
	static final String LICENSING = "PD-WJW-XK-008";
	static final String IMMEDIATE = "PD-WJW-GG-003";
	static final String COMMITMENT = "PD-WJW-XK-028";

	@Autowired
	ApplicationEvents events;

	@Autowired
	WorkingDayCalendar calendar;

	@Autowired
	DeadlineWatch watch;

	@Test
	void acceptedReviewedAndGrantedByTwoApproversWithTheLimitsShown() throws Exception {
		String id = submitted(LICENSING, "NEW", false);
		assertThat(step(id)).isEqualTo("accept");
		mvc.perform(get("/api/worklist").with(basic("clerk"))).andExpect(status().isOk())
				.andExpect(jsonPath("$.tasks[*].id", hasItem(id)));
		act("clerk", id, "accept", null).andExpect(status().isOk())
				.andExpect(jsonPath("$.status").value("UNDER_REVIEW"))
				.andExpect(jsonPath("$.step").value("review"))
				.andExpect(jsonPath("$.timeLimits.acceptedOn").value(today().toString()))
				.andExpect(jsonPath("$.timeLimits.promisedDays").value(5))
				.andExpect(jsonPath("$.timeLimits.statutoryDays").value(20));
		act("approver", id, "approve", "{\"reason\": \"材料齐全，符合条件\"}").andExpect(status().isOk())
				.andExpect(jsonPath("$.step").value("decide"));
		// four eyes: the reviewer may not also decide
		act("approver", id, "approve", null).andExpect(status().isForbidden())
				.andExpect(jsonPath("$.detail", containsString("审查人不能同时作出决定")));
		act("approver2", id, "approve", null).andExpect(status().isOk())
				.andExpect(jsonPath("$.status").value("GRANTED"))
				.andExpect(jsonPath("$.decision").value("GRANTED"))
				.andExpect(jsonPath("$.completedAt").isNotEmpty())
				.andExpect(jsonPath("$.allowedActions").isEmpty());
		assertThat(processesFor(id)).isZero();
		assertThat(events.stream(CaseAccepted.class)).anyMatch(e -> e.caseId().toString().equals(id) && !e.deemed());
		assertThat(events.stream(CaseDecided.class)).anyMatch(e -> e.caseId().toString().equals(id) && e.granted());
		assertThat(events.stream(CaseCompleted.class))
				.anyMatch(e -> e.caseId().toString().equals(id) && e.outcome() == CaseStatus.GRANTED);
		read("citizen", id).andExpect(jsonPath("$.timeline[1:].action",
				contains("submit", "accept", "review-approve", "approve")));
	}

	@Test
	void aCaseWaitsForTheWindowAndItsProcessStartsWithTheFirstActionOnIt() throws Exception {
		String id = submitted(LICENSING, "NEW", false);
		assertThat(processOf(id)).isNull();
		assertThat(processesFor(id)).isZero();
		read("clerk", id).andExpect(jsonPath("$.step").value("accept"))
				.andExpect(jsonPath("$.allowedActions", hasItem("claim")));
		mvc.perform(get("/api/worklist").with(basic("clerk"))).andExpect(jsonPath("$.tasks[*].id", hasItem(id)));
		act("clerk", id, "claim", null).andExpect(status().isOk()).andExpect(jsonPath("$.step").value("accept"));
		String process = processOf(id);
		assertThat(process).isNotNull();
		assertThat(jdbc.sql("SELECT task_def_key_ || ':' || assignee_ FROM act_ru_task WHERE proc_inst_id_ = ?")
				.param(process).query(String.class).single()).isEqualTo("accept:clerk");
		act("clerk", id, "accept", null).andExpect(status().isOk()).andExpect(jsonPath("$.step").value("review"));
		assertThat(processOf(id)).isEqualTo(process);
		assertThat(jdbc.sql("SELECT task_def_key_ FROM act_ru_task WHERE proc_inst_id_ = ?").param(process)
				.query(String.class).single()).isEqualTo("review");
	}

	@Test
	void aCorrectionNoticeStopsTheClockUntilTheApplicantCorrects() throws Exception {
		String id = submitted(LICENSING, "NEW", false);
		act("clerk", id, "request-correction", "{\"items\": []}").andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].field").value("items"));
		act("clerk", id, "request-correction",
				"{\"items\": [\"中医医术确有专长人员医师资格证书\", \"<script>x</script>场所平面图\"], \"reason\": \"一次性告知\"}")
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.status").value("CORRECTION_REQUESTED"))
				.andExpect(jsonPath("$.deadline").doesNotExist())
				.andExpect(jsonPath("$.suspensions[0].kind").value("CORRECTION"));
		assertThat(events.stream(CaseEvents.CorrectionRequested.class))
				.anyMatch(e -> e.caseId().toString().equals(id) && e.items().size() == 2);
		read("citizen", id).andExpect(jsonPath("$.allowedActions", contains("withdraw", "correct")))
				.andExpect(jsonPath("$.timeline[2].items[1]").value("<script>x</script>场所平面图"));
		act("clerk", id, "accept", null).andExpect(status().isConflict())
				.andExpect(jsonPath("$.allowedActions").isEmpty());
		act("citizen", id, "correct", "{\"reason\": \"已补交\"}").andExpect(status().isOk())
				.andExpect(jsonPath("$.status").value("SUBMITTED"))
				.andExpect(jsonPath("$.step").value("accept"))
				.andExpect(jsonPath("$.deadline").value(calendar.plusWorkingDays(today(), 5).toString()))
				.andExpect(jsonPath("$.suspensions[0].endedOn").value(today().toString()));
		act("clerk", id, "accept", null).andExpect(status().isOk());
		act("approver", id, "approve", null).andExpect(status().isOk());
		act("approver2", id, "approve", null).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("GRANTED"));
		assertThat(jdbc.sql("SELECT corrections FROM cases_case WHERE id = ?").param(UUID.fromString(id))
				.query(Integer.class).single()).isEqualTo(1);
	}

	@Test
	void refusingToAcceptNeedsReasonsAndTellsTheApplicantTheirRights() throws Exception {
		String id = submitted(LICENSING, "NEW", false);
		act("clerk", id, "refuse", "{}").andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].field").value("reason"));
		act("clerk", id, "refuse", "{\"reason\": \"申请事项不属于本机关职权范围\"}").andExpect(status().isOk())
				.andExpect(jsonPath("$.status").value("REFUSED"));
		assertThat(processesFor(id)).isZero();
		assertThat(jdbc.sql("""
				SELECT count(*) FROM notification_message WHERE recipient_username = 'citizen' AND link = ?
				AND body LIKE '%行政复议%'""").param("/cases/" + id).query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void aDenialStatesReasonsAndFinishesTheCase() throws Exception {
		String id = submitted(LICENSING, "NEW", false);
		act("clerk", id, "accept", null).andExpect(status().isOk());
		act("approver", id, "deny", "{\"reason\": \"执业场所不符合要求\"}").andExpect(status().isOk())
				.andExpect(jsonPath("$.step").value("decide"));
		act("approver2", id, "deny", "{}").andExpect(status().isBadRequest());
		act("approver2", id, "deny", "{\"reason\": \"执业场所不符合《中医诊所基本标准》\"}").andExpect(status().isOk())
				.andExpect(jsonPath("$.status").value("DENIED"))
				.andExpect(jsonPath("$.decisionReasons").value("执业场所不符合《中医诊所基本标准》"));
		assertThat(events.stream(CaseDecided.class)).anyMatch(e -> e.caseId().toString().equals(id) && !e.granted());
	}

	@Test
	void theApplicantWithdrawsDuringReviewAndTheProcessEnds() throws Exception {
		String id = submitted(LICENSING, "NEW", false);
		act("clerk", id, "accept", null).andExpect(status().isOk());
		act("citizen", id, "withdraw", "{}").andExpect(status().isBadRequest());
		act("citizen", id, "withdraw", "{\"reason\": \"暂不开业\"}").andExpect(status().isOk())
				.andExpect(jsonPath("$.status").value("WITHDRAWN"));
		assertThat(processesFor(id)).isZero();
		act("approver", id, "approve", null).andExpect(status().isConflict());
		assertThat(events.stream(CaseCompleted.class))
				.anyMatch(e -> e.caseId().toString().equals(id) && e.outcome() == CaseStatus.WITHDRAWN);
	}

	@Test
	void suspensionsAndOneExtensionApprovedByTheHead() throws Exception {
		String id = submitted(LICENSING, "NEW", false);
		act("clerk", id, "accept", null).andExpect(status().isOk());
		LocalDate promised = LocalDate.parse(jdbc.sql("SELECT promised_deadline::text FROM cases_case WHERE id = ?")
				.param(UUID.fromString(id)).query(String.class).single());
		act("approver", id, "suspend", "{\"kind\": \"HOLIDAY\", \"reason\": \"x\", \"expectedDays\": 5}")
				.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("kind"));
		// art. 45 does not name on-site checks: their time counts, and this guide does not stop the promised clock
		act("approver", id, "suspend", "{\"kind\": \"ONSITE_CHECK\", \"reason\": \"现场核查\", \"expectedDays\": 3}")
				.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].message", containsString("第四十五条")));
		// art. 45: the time needed is told to the applicant
		act("approver", id, "suspend", "{\"kind\": \"EXPERT_REVIEW\", \"reason\": \"组织专家评审\"}")
				.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("expectedDays"));
		act("approver", id, "suspend", "{\"kind\": \"EXPERT_REVIEW\", \"reason\": \"组织专家评审\", \"expectedDays\": 10}")
				.andExpect(status().isOk()).andExpect(jsonPath("$.status").value("SUSPENDED"))
				.andExpect(jsonPath("$.suspensions[0].expectedDays").value(10))
				.andExpect(jsonPath("$.allowedActions", contains("resume")));
		act("approver", id, "approve", null).andExpect(status().isConflict())
				.andExpect(jsonPath("$.allowedActions", contains("resume")));
		act("approver", id, "resume", null).andExpect(status().isOk())
				.andExpect(jsonPath("$.status").value("UNDER_REVIEW"))
				.andExpect(jsonPath("$.suspensions[0].workingDays").value(0));
		assertThat(jdbc.sql("SELECT body FROM notification_message WHERE recipient_username = 'citizen' AND link = ? AND title LIKE '%暂停%'")
				.param("/cases/" + id).query(String.class).single()).contains("预计需要 10 个工作日").contains("第四十五条");
		act("approver", id, "extend", "{\"reason\": \"情况复杂\"}").andExpect(status().isForbidden());
		act("leader", id, "extend", "{}").andExpect(status().isBadRequest());
		act("leader", id, "extend", "{\"reason\": \"需现场核查多个执业地点\"}").andExpect(status().isOk())
				.andExpect(jsonPath("$.timeLimits.extended").value(true))
				.andExpect(jsonPath("$.timeLimits.promisedDeadline").value(calendar.plusWorkingDays(promised, 10).toString()));
		// extended once, the case leaves the leaders' duty (no extension open, no escalation): 404 for them now;
		// the approver handling it is told no second extension exists
		act("leader", id, "extend", "{\"reason\": \"再次延长\"}").andExpect(status().isNotFound());
		act("approver", id, "extend", "{\"reason\": \"再次延长\"}").andExpect(status().isConflict())
				.andExpect(jsonPath("$.allowedActions", not(hasItem("extend"))));
	}

	@Test
	void aCaseNobodyAcceptsWithinFiveWorkingDaysIsDeemedAccepted() throws Exception {
		String id = submitted(LICENSING, "NEW", false);
		LocalDate received = calendar.plusWorkingDays(today().minusDays(30), 0);
		jdbc.sql("UPDATE cases_case SET received_on = ?, acceptance_due = ? WHERE id = ?")
				.params(received, calendar.plusWorkingDays(received, 5), UUID.fromString(id)).update();
		assertThat(watch.run().deemedAccepted()).isGreaterThanOrEqualTo(1);
		read("approver", id).andExpect(jsonPath("$.status").value("UNDER_REVIEW"))
				.andExpect(jsonPath("$.step").value("review"))
				.andExpect(jsonPath("$.timeLimits.acceptedOn").value(received.toString()))
				.andExpect(jsonPath("$.timeline[2].action").value("deemed-accept"));
	}

	@Test
	void anOverdueCaseTurnsRedAndIsEscalatedToTheDivisionAndLeaders() throws Exception {
		String id = submitted(LICENSING, "NEW", false);
		act("clerk", id, "accept", null).andExpect(status().isOk());
		jdbc.sql("UPDATE cases_case SET accepted_on = ? WHERE id = ?")
				.params(calendar.plusWorkingDays(today().minusDays(60), 0), UUID.fromString(id)).update();
		jdbc.sql("UPDATE cases_case SET limits_provisional = TRUE WHERE id = ?").param(UUID.fromString(id)).update();
		watch.run();
		assertThat(jdbc.sql("SELECT warning_level FROM cases_case WHERE id = ?").param(UUID.fromString(id))
				.query(String.class).single()).isEqualTo("RED");
		mvc.perform(get("/api/worklist").with(basic("leader"))).andExpect(jsonPath("$.escalations[*].id", hasItem(id)));
		// the item belongs to 生物医药处 (BIOMED): its staff see it, another division's do not
		mvc.perform(get("/api/worklist").with(basic("biomed"))).andExpect(jsonPath("$.escalations[*].id", hasItem(id)));
		mvc.perform(get("/api/worklist").with(basic("planning")))
				.andExpect(jsonPath("$.escalations[*].id", not(hasItem(id))));
		assertThat(jdbc.sql("SELECT count(*) FROM notification_message WHERE recipient_unit = 'BIOMED' AND link = ?")
				.param("/work/cases/" + id).query(Long.class).single()).isEqualTo(1);
		watch.run();
		assertThat(jdbc.sql("SELECT count(*) FROM notification_message WHERE recipient_unit = 'BIOMED' AND link = ?")
				.param("/work/cases/" + id).query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void anImmediateItemIsAcceptedAndDecidedInOneStep() throws Exception {
		String id = submitted(IMMEDIATE, "APPOINTMENT", false);
		assertThat(step(id)).isEqualTo("acceptAndDecide");
		act("clerk", id, "approve", null).andExpect(status().isOk())
				.andExpect(jsonPath("$.status").value("GRANTED"))
				.andExpect(jsonPath("$.timeline[1:].action", contains("submit", "accept", "approve")));
	}

	@Test
	void aNoticeCommitmentIsGrantedAtOnceAndVerifiedLater() throws Exception {
		String id = submitted(COMMITMENT, "NEW", true);
		assertThat(caseStatus(id)).isEqualTo("GRANTED");
		assertThat(step(id)).isEqualTo("postVerify");
		mvc.perform(get("/api/worklist").with(basic("inspector"))).andExpect(jsonPath("$.tasks[*].id", hasItem(id)));
		// the guide: verified within 90 days of the grant; the last day moves to the next working day (民法典 art. 203)
		LocalDate due = today().plusDays(90);
		while (!calendar.isWorkingDay(due)) {
			due = due.plusDays(1);
		}
		String text = jdbc.sql("SELECT commitment_text FROM cases_case WHERE id = ?").param(UUID.fromString(id))
				.query(String.class).single();
		assertThat(text).contains("医务人员均已取得执业资格并完成注册或备案").contains("如承诺不实");
		read("citizen", id).andExpect(jsonPath("$.noticeCommitment").value(true))
				.andExpect(jsonPath("$.verificationDue").value(due.toString()))
				.andExpect(jsonPath("$.commitment.text").value(text))
				.andExpect(jsonPath("$.commitment.sm3").value(org.tongban.shared.Sm3.hex(text)))
				.andExpect(jsonPath("$.completedAt").doesNotExist());
		act("approver", id, "confirm", "{\"reason\": \"x\"}").andExpect(status().isForbidden());
		act("inspector", id, "confirm", "{\"reason\": \"现场核查与承诺一致\"}").andExpect(status().isOk())
				.andExpect(jsonPath("$.status").value("GRANTED"))
				.andExpect(jsonPath("$.completedAt").isNotEmpty());
		assertThat(processesFor(id)).isZero();
	}

	/**
	 * Before revoking, the holder is told the intended decision and may state their case (《行政许可法》第七条);
	 * the revocation is decided once they have.
	 */
	@Test
	void aFalseCommitmentRevokesTheGrantAfterTheHolderIsHeardAndIsPublished() throws Exception {
		String id = submitted(COMMITMENT, "NEW", true);
		assertThat(step(id)).isEqualTo("postVerify");
		act("inspector", id, "revoke", "{\"reason\": \"放射防护设施未按承诺配置\"}").andExpect(status().isConflict())
				.andExpect(jsonPath("$.detail", containsString("陈述申辩")));
		act("inspector", id, "notify-revocation", "{}").andExpect(status().isBadRequest());
		act("inspector", id, "notify-revocation", "{\"reason\": \"放射防护设施未按承诺配置\"}").andExpect(status().isOk())
				.andExpect(jsonPath("$.commitment.statementDue").value(calendar.plusWorkingDays(today(), 5).toString()));
		act("inspector", id, "revoke", "{\"reason\": \"放射防护设施未按承诺配置\"}").andExpect(status().isConflict());
		assertThat(jdbc.sql("SELECT count(*) FROM notification_message WHERE recipient_username = 'citizen' AND link = ? AND title = '拟撤销许可告知'")
				.param("/cases/" + id).query(Long.class).single()).isEqualTo(1);
		act("enterprise", id, "state-case", "{\"reason\": \"x\"}").andExpect(status().isNotFound());
		act("citizen", id, "state-case", "{\"reason\": \"<b>防护设施已于上周补齐</b>，附验收报告\"}").andExpect(status().isOk())
				.andExpect(jsonPath("$.commitment.statement").value("<b>防护设施已于上周补齐</b>，附验收报告"));
		act("citizen", id, "state-case", "{\"reason\": \"再次陈述\"}").andExpect(status().isConflict());
		act("inspector", id, "revoke", "{\"reason\": \"放射防护设施未按承诺配置\"}").andExpect(status().isOk())
				.andExpect(jsonPath("$.status").value("REVOKED"));
		assertThat(events.stream(CommitmentBroken.class)).anyMatch(e -> e.caseId().toString().equals(id)
				&& e.findings().contains("放射防护") && e.inspector().equals("inspector"));
	}

	/** The holder who does not state their case within the period has let it pass. */
	@Test
	void aRevocationMayBeDecidedOnceTheStatementPeriodHasPassed() throws Exception {
		String id = submitted(COMMITMENT, "NEW", true);
		act("inspector", id, "notify-revocation", "{\"reason\": \"执业人员数量与承诺不符\"}").andExpect(status().isOk());
		clock.travelTo(calendar.plusWorkingDays(today(), 6));
		try {
			act("citizen", id, "state-case", "{\"reason\": \"迟到的陈述\"}").andExpect(status().isConflict())
					.andExpect(jsonPath("$.detail", containsString("届满")));
			act("inspector", id, "revoke", "{\"reason\": \"执业人员数量与承诺不符\"}").andExpect(status().isOk());
		}
		finally {
			clock.reset();
		}
	}

	/** Offered per situation as the guide marks it, never where an on-site check must precede the decision. */
	@Test
	void aCommitmentIsRefusedForASituationThatNeedsAnOnSiteCheckFirst() throws Exception {
		String body = """
				{"itemCode": "%s", "situation": "NEW_WITH_XRAY", "commitment": true,
				 "applicant": {"kind": "PERSON", "idNumber": "%s", "name": "张三"}, "form": {"phone": "13800000000"}}"""
				.formatted(COMMITMENT, CITIZEN_ID);
		mvc.perform(apply(key(), body).with(basic("citizen"))).andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].field").value("commitment"))
				.andExpect(jsonPath("$.errors[0].message", containsString("现场核查")));
		String change = body.replace("NEW_WITH_XRAY", "CHANGE");
		mvc.perform(apply(key(), change).with(basic("citizen"))).andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].message", containsString("不适用告知承诺制")));
	}

	@Test
	void aCommitmentForAnItemWithoutNoticeCommitmentIsRefused() throws Exception {
		String body = """
				{"itemCode": "%s", "situation": "NEW", "commitment": true,
				 "applicant": {"kind": "PERSON", "idNumber": "%s", "name": "张三"}, "form": {}}""".formatted(LICENSING, CITIZEN_ID);
		mvc.perform(apply(key(), body).with(basic("citizen"))).andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].field").value("commitment"));
	}

	@Test
	void theDeciderSendsTheCaseBackToReviewAndTheClockKeepsRunning() throws Exception {
		String id = submitted(LICENSING, "NEW", false);
		act("clerk", id, "accept", null).andExpect(status().isOk());
		String deadline = jdbc.sql("SELECT promised_deadline::text FROM cases_case WHERE id = ?")
				.param(UUID.fromString(id)).query(String.class).single();
		act("approver", id, "approve", null).andExpect(status().isOk());
		act("approver2", id, "send-back", "{}").andExpect(status().isBadRequest());
		act("approver2", id, "send-back", "{\"reason\": \"请补充现场核查记录\"}").andExpect(status().isOk())
				.andExpect(jsonPath("$.step").value("review"))
				.andExpect(jsonPath("$.timeLimits.promisedDeadline").value(deadline));
		act("approver2", id, "approve", null).andExpect(status().isOk()).andExpect(jsonPath("$.step").value("decide"));
		// now approver2 reviewed, so approver decides
		act("approver2", id, "approve", null).andExpect(status().isForbidden());
		act("approver", id, "approve", null).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("GRANTED"));
	}

	@Test
	void anApplicationFilledInUnderAnOlderGuideVersionIsRefused() throws Exception {
		String body = """
				{"itemCode": "%s", "situation": "NEW", "guideVersion": 0,
				 "applicant": {"kind": "PERSON", "idNumber": "%s", "name": "张三"}, "form": {}}""".formatted(LICENSING, CITIZEN_ID);
		mvc.perform(apply(key(), body).with(basic("citizen"))).andExpect(status().isConflict())
				.andExpect(jsonPath("$.type").value("https://tongban.org/problems/stale-guide-version"))
				.andExpect(jsonPath("$.currentGuideVersion").isNumber());
	}

	private LocalDate today() {
		return clock.today();
	}
}
