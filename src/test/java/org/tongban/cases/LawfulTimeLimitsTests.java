package org.tongban.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.tongban.shared.WorkingDayCalendar;

/**
 * The rules of 《行政许可法》 on time limits, through the API on fixed dates: the clock starts on Monday
 * 2026-06-15 and travels where a rule depends on a date having passed.
 */
class LawfulTimeLimitsTests extends HandlingTest {

	/** 放射工作人员证发放 (生物医药处, the demo approvers' division): licensing, 20 working days, four eyes. */
	static final String LICENSING = "PD-WJW-XK-008";
	static final String NURSE = "PD-WJW-XK-001";

	@Autowired
	WorkingDayCalendar calendar;

	@Autowired
	DeadlineWatch watch;

	@AfterEach
	void backToTheStart() {
		clock.reset();
	}

	/** Art. 32: everything to be corrected is told at once, so there is only one correction notice. */
	@Test
	void aSecondCorrectionNoticeIsRefused() throws Exception {
		String id = submitted(LICENSING, "NEW", false);
		act("clerk", id, "request-correction", "{\"items\": [\"场所平面图\"]}").andExpect(status().isOk());
		act("citizen", id, "correct", "{\"reason\": \"已补交\"}").andExpect(status().isOk());
		read("clerk", id).andExpect(jsonPath("$.allowedActions", not(hasItem("request-correction"))))
				.andExpect(jsonPath("$.allowedActions", hasItem("refuse")));
		act("clerk", id, "request-correction", "{\"items\": [\"法定代表人身份证明\"]}").andExpect(status().isConflict())
				.andExpect(jsonPath("$.detail", containsString("第三十二条")))
				.andExpect(jsonPath("$.detail", containsString("不能再次要求补正")));
		act("clerk", id, "accept", null).andExpect(status().isOk());
	}

	/**
	 * Art. 32: five working days after receipt without a decision on acceptance, the case is accepted as of
	 * its receipt. That is a fact of the dates: the hourly check need not have run.
	 */
	@Test
	void afterFiveWorkingDaysTheCaseIsAcceptedAsOfItsReceiptWhetherOrNotTheCheckRan() throws Exception {
		String id = submitted(LICENSING, "NEW", false);
		LocalDate received = clock.today();
		LocalDate due = calendar.plusWorkingDays(received, 5);
		clock.travelTo(due);
		read("clerk", id).andExpect(jsonPath("$.allowedActions", hasItem("refuse")));
		clock.travelTo(due.plusDays(1));
		read("clerk", id).andExpect(jsonPath("$.allowedActions", not(hasItem("refuse"))))
				.andExpect(jsonPath("$.allowedActions", not(hasItem("request-correction"))));
		act("clerk", id, "refuse", "{\"reason\": \"不属于本机关职权范围\"}").andExpect(status().isConflict())
				.andExpect(jsonPath("$.detail", containsString("即为受理")));
		act("clerk", id, "request-correction", "{\"items\": [\"场所平面图\"]}").andExpect(status().isConflict());
		act("clerk", id, "accept", null).andExpect(status().isOk())
				.andExpect(jsonPath("$.timeLimits.acceptedOn").value(received.toString()))
				.andExpect(jsonPath("$.timeline[-1].action").value("deemed-accept"));
	}

	/** Art. 42: the head may extend once, and only while the limit has not yet passed. */
	@Test
	void anExtensionComesOnlyBeforeTheStatutoryDeadline() throws Exception {
		String id = submitted(LICENSING, "NEW", false);
		act("clerk", id, "accept", null).andExpect(status().isOk()).andExpect(jsonPath("$.timeLimits.extensionDays").value(10));
		LocalDate statutory = LocalDate.parse(jdbc.sql("SELECT statutory_deadline::text FROM cases_case WHERE id = ?")
				.param(UUID.fromString(id)).query(String.class).single());
		clock.travelTo(statutory.plusDays(1));
		read("leader", id).andExpect(jsonPath("$.allowedActions", not(hasItem("extend"))));
		act("leader", id, "extend", "{\"reason\": \"情况复杂\"}").andExpect(status().isConflict())
				.andExpect(jsonPath("$.detail", containsString("届满")));
	}

	/**
	 * 《护士执业注册管理办法》第十九条: a change of registration is done within 7 working days of receipt. The
	 * limit is the situation's own, counted from receipt, and art. 42's extension does not apply to it.
	 */
	@Test
	void aNursesChangeOfRegistrationHasSevenWorkingDaysFromReceiptAndNoExtension() throws Exception {
		String id = submitted(NURSE, "CHANGE", false);
		LocalDate received = clock.today();
		clock.travelTo(calendar.plusWorkingDays(received, 2));
		act("clerk", id, "accept", null).andExpect(status().isOk())
				.andExpect(jsonPath("$.timeLimits.statutoryDays").value(7))
				.andExpect(jsonPath("$.timeLimits.countFrom").value("RECEIPT"))
				.andExpect(jsonPath("$.timeLimits.statutoryDeadline").value(calendar.plusWorkingDays(received, 7).toString()))
				.andExpect(jsonPath("$.timeLimits.promisedDeadline").value(calendar.plusWorkingDays(received, 5).toString()))
				.andExpect(jsonPath("$.timeLimits.extensionDays").value(0));
		// no extension is open, and the case is no escalation: outside the leaders' duty, it is not found for them
		act("leader", id, "extend", "{\"reason\": \"情况复杂\"}").andExpect(status().isNotFound());
		act("approver", id, "extend", "{\"reason\": \"情况复杂\"}").andExpect(status().isConflict())
				.andExpect(jsonPath("$.detail", containsString("不适用")));
	}

	/** A decided case is no longer late: it leaves the leaders' and the division's escalations. */
	@Test
	void aDecidedCaseLeavesTheEscalations() throws Exception {
		String id = submitted(LICENSING, "NEW", false);
		act("clerk", id, "accept", null).andExpect(status().isOk());
		act("approver", id, "approve", null).andExpect(status().isOk());
		clock.travelTo(clock.today().plusDays(60));
		watch.run();
		mvc.perform(get("/api/worklist").with(basic("leader"))).andExpect(jsonPath("$.escalations[*].id", hasItem(id)));
		act("approver2", id, "approve", null).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("GRANTED"));
		assertThat(jdbc.sql("SELECT warning_level IS NULL FROM cases_case WHERE id = ?").param(UUID.fromString(id))
				.query(Boolean.class).single()).isTrue();
		mvc.perform(get("/api/worklist").with(basic("leader")))
				.andExpect(jsonPath("$.escalations[*].id", not(hasItem(id))));
	}

	/** Past the statutory limit, not only the promised one, the commission's leaders are told, once. */
	@Test
	void pastTheStatutoryLimitTheLeadersAreToldOnce() throws Exception {
		String id = submitted(LICENSING, "NEW", false);
		act("clerk", id, "accept", null).andExpect(status().isOk());
		LocalDate promised = LocalDate.parse(jdbc.sql("SELECT promised_deadline::text FROM cases_case WHERE id = ?")
				.param(UUID.fromString(id)).query(String.class).single());
		clock.travelTo(promised.plusDays(1));
		watch.run();
		assertThat(leadersTold(id)).isZero();
		read("approver", id).andExpect(jsonPath("$.timeLimits.warningLevel").value("RED"));
		LocalDate statutory = LocalDate.parse(jdbc.sql("SELECT statutory_deadline::text FROM cases_case WHERE id = ?")
				.param(UUID.fromString(id)).query(String.class).single());
		clock.travelTo(statutory.plusDays(1));
		watch.run();
		watch.run();
		assertThat(leadersTold(id)).isEqualTo(1);
	}

	/**
	 * A deadline counted into a year whose arrangement is not published is provisional; entering the
	 * arrangement counts again every open case it touches, the stored deadline and the flag included. The
	 * years are far ahead so that no other test depends on them.
	 */
	@Test
	void enteringAYearsArrangementRecountsTheCasesItTouches() throws Exception {
		clock.travelTo(LocalDate.of(2031, 12, 22));
		String id = submitted(LICENSING, "NEW", false);
		// 20 working days from Monday 22 December 2031, 1 January 2032 (a Thursday) off by the statutory holidays
		act("clerk", id, "accept", null).andExpect(status().isOk())
				.andExpect(jsonPath("$.timeLimits.provisional").value(true))
				.andExpect(jsonPath("$.timeLimits.statutoryDeadline").value("2032-01-20"));
		enter(2032, "{\"date\": \"2032-01-01\", \"kind\": \"OFF\", \"name\": \"元旦\"}, "
				+ "{\"date\": \"2032-01-02\", \"kind\": \"OFF\", \"name\": \"元旦\"}");
		await().atMost(Duration.ofSeconds(20)).until(() -> "2032-01-21".equals(statutoryDeadline(id)));
		// 22–31 December 2031 still rest on the provisional 2031
		read("approver", id).andExpect(jsonPath("$.timeLimits.provisional").value(true));
		enter(2031, "{\"date\": \"2031-01-01\", \"kind\": \"OFF\", \"name\": \"元旦\"}");
		await().atMost(Duration.ofSeconds(20)).until(() -> !jdbc.sql("SELECT limits_provisional FROM cases_case WHERE id = ?")
				.param(UUID.fromString(id)).query(Boolean.class).single());
	}

	/** The post-verification of a grant on commitment is watched like any deadline: amber, then red. */
	@Test
	void thePostVerificationIsWarnedLikeAnyDeadline() throws Exception {
		String id = submitted("PD-WJW-XK-028", "NEW", true);
		LocalDate due = LocalDate.parse(jdbc.sql("SELECT verification_due::text FROM cases_case WHERE id = ?")
				.param(UUID.fromString(id)).query(String.class).single());
		clock.travelTo(due);
		watch.run();
		read("inspector", id).andExpect(jsonPath("$.timeLimits.warningLevel").value("AMBER"));
		clock.travelTo(due.plusDays(1));
		watch.run();
		read("inspector", id).andExpect(jsonPath("$.timeLimits.warningLevel").value("RED"));
		mvc.perform(get("/api/worklist").with(basic("leader"))).andExpect(jsonPath("$.escalations[*].id", hasItem(id)));
		act("inspector", id, "confirm", "{\"reason\": \"现场核查与承诺一致\"}").andExpect(status().isOk());
		mvc.perform(get("/api/worklist").with(basic("leader"))).andExpect(jsonPath("$.escalations[*].id", not(hasItem(id))));
	}

	private void enter(int year, String days) throws Exception {
		mvc.perform(put("/api/calendar/years/{year}", year).with(basic("admin")).with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"source\": \"国务院办公厅关于" + year + "年部分节假日安排的通知（测试）\", \"days\": [" + days + "]}"))
				.andExpect(status().isOk());
	}

	private String statutoryDeadline(String id) {
		return jdbc.sql("SELECT statutory_deadline::text FROM cases_case WHERE id = ?").param(UUID.fromString(id))
				.query(String.class).single();
	}

	private long leadersTold(String id) {
		return jdbc.sql("""
				SELECT count(*) FROM notification_message WHERE recipient_unit = 'COMMISSION' AND link = ?
				AND title LIKE '%法定期限%'""").param("/work/cases/" + id).query(Long.class).single();
	}
}
