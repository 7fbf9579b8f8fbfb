package org.tongban.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An administrator enters a year's arrangement when the notice is published. Each test uses a year of
 * its own from 2030 on, so that the seeded years and the provisional 2027 stay as the other tests expect.
 */
@SpringBootTest
@AutoConfigureMockMvc
class CalendarAdministrationTests {

	private static final String PASSWORD = "tongban-demo";

	@Autowired
	MockMvc mvc;

	@Autowired
	WorkingDayCalendar calendar;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	CalendarYears years;

	private static String year2030(String extraDay) {
		return """
				{"source": "国务院办公厅关于2030年部分节假日安排的通知",
				 "days": [{"date": "2030-01-01", "kind": "OFF", "name": "元旦"}%s]}
				""".formatted(extraDay);
	}

	@Test
	void anAnonymousCallerMayNotReplaceAYear() throws Exception {
		mvc.perform(put("/api/calendar/years/2030").with(csrf()).contentType(MediaType.APPLICATION_JSON)
				.content(year2030("")))
			.andExpect(status().isUnauthorized())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
	}

	@Test
	void aCitizenMayNotReplaceAYear() throws Exception {
		mvc.perform(put("/api/calendar/years/2030").with(httpBasic("citizen", PASSWORD))
				.contentType(MediaType.APPLICATION_JSON).content(year2030("")))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.type").value("https://tongban.org/problems/forbidden"));
		mvc.perform(get("/admin/calendar").with(httpBasic("citizen", PASSWORD))).andExpect(status().isForbidden());
		mvc.perform(get("/admin/calendar/2024").with(httpBasic("clerk", PASSWORD))).andExpect(status().isForbidden());
	}

	@Test
	void anAdministratorsEditChangesTheAnswerAndIsAudited() throws Exception {
		String ask = "/api/calendar/working-days?from=2030-01-01&days=1";
		// provisionally Tue 1 Jan 2030 is 元旦 and Wed 2 Jan an ordinary working day
		mvc.perform(get(ask)).andExpect(status().isOk()).andExpect(jsonPath("$.date").value("2030-01-02"))
			.andExpect(jsonPath("$.provisional").value(true));

		// Tue 1 Jan 2030 off and, in this made-up arrangement, Wed 2 Jan too
		mvc.perform(put("/api/calendar/years/2030").with(httpBasic("admin", PASSWORD))
				.contentType(MediaType.APPLICATION_JSON)
				.content(year2030(", {\"date\": \"2030-01-02\", \"kind\": \"休\", \"name\": \"元旦\"}")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.year").value(2030))
			.andExpect(jsonPath("$.enteredBy").value("admin"))
			.andExpect(jsonPath("$.days.length()").value(2));
		// the entered year replaces the provisional one at once
		mvc.perform(get(ask)).andExpect(jsonPath("$.date").value("2030-01-03"))
			.andExpect(jsonPath("$.provisional").value(false));

		mvc.perform(put("/api/calendar/years/2030").with(httpBasic("admin", PASSWORD))
				.contentType(MediaType.APPLICATION_JSON).content(year2030("")))
			.andExpect(status().isOk());
		mvc.perform(get(ask)).andExpect(jsonPath("$.date").value("2030-01-02"));

		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(jdbc.sql("""
				SELECT count(*) FROM identity_audit_entry
				WHERE action = 'CALENDAR_YEAR_REPLACED' AND subject_type = 'calendar-year' AND subject_id = '2030'
				  AND actor = 'admin'
				  AND before_state -> 'days' @> '["2030-01-02 元旦 休"]'
				  AND NOT after_state -> 'days' @> '["2030-01-02 元旦 休"]'
				""").query(Long.class).single()).isEqualTo(1));
		assertThat(jdbc.sql("""
				SELECT count(*) FROM identity_audit_entry
				WHERE action = 'CALENDAR_YEAR_REPLACED' AND subject_id = '2030' AND before_state IS NULL
				""").query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void anyoneSignedInMayReadTheYearsButNotAnonymously() throws Exception {
		mvc.perform(get("/api/calendar/years").with(httpBasic("clerk", PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[?(@.year == 2024)].days[?(@.date == '2024-02-04')].kind").value(hasItem("WORK")))
			.andExpect(jsonPath("$[?(@.year == 2024)].days[*].date").value(not(hasItem("2024-02-09"))));
		mvc.perform(get("/api/calendar/years")).andExpect(status().isUnauthorized());
	}

	@Test
	void aWrongArrangementIsRefusedWholeWithAReasonPerDay() throws Exception {
		mvc.perform(put("/api/calendar/years/2031").with(httpBasic("admin", PASSWORD))
				.contentType(MediaType.APPLICATION_JSON).content("""
						{"source": " ",
						 "days": [{"date": "2031-01-01", "kind": "OFF", "name": "元旦"},
						          {"date": "2030-12-31", "kind": "OFF", "name": "元旦"},
						          {"date": "2031-01-01", "kind": "OFF", "name": "元旦"},
						          {"date": "2031-01-06", "kind": "WORK", "name": "春节"},
						          {"date": "2031-01-25", "kind": "OFF", "name": " "}]}
						"""))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.containsInAnyOrder("source",
					"days[1].date", "days[2].date", "days[3].kind", "days[4].name")))
			.andExpect(jsonPath("$.errors[?(@.field == 'days[3].kind')].message")
				.value(hasItem(containsString("星期一"))));
		mvc.perform(put("/api/calendar/years/2031").with(httpBasic("admin", PASSWORD))
				.contentType(MediaType.APPLICATION_JSON).content("""
						{"source": "通知", "days": [{"date": "2031-02-30", "kind": "HOLIDAY", "name": "春节"}]}
						"""))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field").value(
					org.hamcrest.Matchers.containsInAnyOrder("days[0].date", "days[0].kind")));
		assertThat(calendar.coveredYears()).doesNotContain(2031);
		mvc.perform(put("/api/calendar/years/1999").with(httpBasic("admin", PASSWORD))
				.contentType(MediaType.APPLICATION_JSON).content(year2030("")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("year"));
	}

	@Test
	void theEditPageSavesLinesIncludingARange() throws Exception {
		mvc.perform(post("/admin/calendar/2032").with(httpBasic("admin", PASSWORD)).with(csrf())
				.param("source", "国务院办公厅关于2032年部分节假日安排的通知")
				.param("lines", "2032-01-01 元旦 休\n\n2032-02-10~2032-02-13 春节 休\r\n2032-02-08 春节 班\n"))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/admin/calendar/2032?saved"));
		assertThat(calendar.isWorkingDay(LocalDate.of(2032, 2, 8))).as("make-up Sunday").isTrue();
		assertThat(calendar.isWorkingDay(LocalDate.of(2032, 2, 12))).isFalse();
		mvc.perform(get("/admin/calendar/2032").with(httpBasic("admin", PASSWORD)).param("saved", ""))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("已保存")))
			.andExpect(content().string(containsString("2032-02-13 春节 休")));
	}

	@Test
	void theEditPageShowsEachMistakeNextToItsFieldAndSavesNothing() throws Exception {
		mvc.perform(post("/admin/calendar/2033").with(httpBasic("admin", PASSWORD)).with(csrf())
				.param("source", "")
				.param("lines", "2033-01-01 元旦 休\n2033-01-03 春节 班\n2033-13-01 春节 休\n2033-01-31 春节"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("有输入错误，未保存任何内容")))
			.andExpect(content().string(containsString("第 3 行的日期“2033-13-01”")))
			.andExpect(content().string(containsString("第 4 行应为“日期 名称 休/班”三项")))
			.andExpect(content().string(containsString("id=\"lines-errors\"")))
			.andExpect(content().string(containsString("aria-describedby=\"lines-help lines-errors\"")));
		mvc.perform(post("/admin/calendar/2033").with(httpBasic("admin", PASSWORD)).with(csrf())
				.param("source", "")
				.param("lines", "2033-01-01 元旦 休\n2033-01-03 春节 班"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("id=\"source-errors\"")))
			.andExpect(content().string(containsString("第 2 行：2033-01-03 是星期一")));
		assertThat(calendar.coveredYears()).doesNotContain(2033);
	}

	@Test
	void markupInAHolidayNameIsStoredAsTextAndShownEscaped() throws Exception {
		String name = "<script>alert(1)</script>节";
		mvc.perform(post("/admin/calendar/2034").with(httpBasic("admin", PASSWORD)).with(csrf())
				.param("source", "<b>通知</b>").param("lines", "2034-01-02 " + name + " 休"))
			.andExpect(status().is3xxRedirection());
		assertThat(jdbc.sql("SELECT name FROM shared_calendar_day WHERE day = '2034-01-02'").query(String.class)
				.single()).isEqualTo(name);
		mvc.perform(get("/admin/calendar/2034").with(httpBasic("admin", PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("<script>alert"))))
			.andExpect(content().string(containsString("&lt;script&gt;alert(1)&lt;/script&gt;节")))
			.andExpect(content().string(not(containsString("<b>通知</b>"))));
	}

	@Test
	void theTryItFormAnswersOrExplainsWhyNot() throws Exception {
		mvc.perform(get("/admin/calendar/2024").with(httpBasic("admin", PASSWORD))
				.param("from", "2024-09-30").param("days", "1"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("2024-10-08（星期二）")));
		mvc.perform(get("/admin/calendar/2026").with(httpBasic("admin", PASSWORD))
				.param("from", "2026-12-30").param("days", "5"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("2027-01-07（星期四）")))
			.andExpect(content().string(containsString("此结果为预计")));
		mvc.perform(get("/admin/calendar/2024").with(httpBasic("admin", PASSWORD))
				.param("from", "2023-12-28").param("days", "1"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("2023 年的法定节假日安排尚未录入")));
		mvc.perform(get("/admin/calendar/2026").with(httpBasic("admin", PASSWORD))
				.param("from", "2026-02-30").param("days", "-3"))
			.andExpect(content().string(containsString("id=\"from-errors\"")))
			.andExpect(content().string(containsString("id=\"days-errors\"")));
	}

	@Test
	void theYearsPageListsTheSeededYearsAndWarnsOfAMissingNextYear() throws Exception {
		mvc.perform(get("/admin/calendar").with(httpBasic("admin", PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("国务院办公厅关于2025年部分节假日安排的通知")))
			.andExpect(content().string(containsString("/admin/calendar/2026")));
		mvc.perform(get("/admin/calendar").param("year", "2035").with(httpBasic("admin", PASSWORD)))
			.andExpect(redirectedUrl("/admin/calendar/2035"));
	}

	@Test
	void theYearsPageShowsWhatIsAssumedForNextYearUntilItIsEntered() throws Exception {
		// on the test clock's 15 June 2026, next year is 2027, which nobody has entered
		mvc.perform(get("/admin/calendar").with(httpBasic("admin", PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("2027 年　预计（尚未录入国务院办公厅通知）")))
			.andExpect(content().string(containsString("<td>2027-02-05</td>")))
			.andExpect(content().string(containsString("<td>2027-10-03</td>")))
			.andExpect(content().string(not(containsString("2028 年　预计"))));
		mvc.perform(get("/admin/calendar/2027").with(httpBasic("admin", PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("预计（尚未录入国务院办公厅通知）")))
			.andExpect(content().string(containsString("<td>2027-09-15</td>")));
		mvc.perform(get("/admin/calendar/2023").with(httpBasic("admin", PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("2023 年的安排尚未录入，在录入之前系统不会计算落在该年的工作日。")))
			.andExpect(content().string(not(containsString("预计（尚未录入"))));
	}

	@Test
	void anEditCommittedByAnotherInstanceIsSeenOnTheNextCount() {
		assertThat(calendar.isWorkingDay(LocalDate.of(2024, 6, 11))).isTrue();
		try {
			// what another instance's edit leaves in the database: new rows and a new revision number
			transactions.executeWithoutResult(tx -> {
				jdbc.sql("INSERT INTO shared_calendar_day (day, year, kind, name) VALUES ('2024-06-11', 2024, 'OFF', '测试')")
					.update();
				jdbc.sql("UPDATE shared_calendar_revision SET revision = nextval('shared_calendar_revision_seq')").update();
			});
			assertThat(calendar.isWorkingDay(LocalDate.of(2024, 6, 11))).isFalse();
		}
		finally {
			transactions.executeWithoutResult(tx -> {
				jdbc.sql("DELETE FROM shared_calendar_day WHERE day = '2024-06-11'").update();
				jdbc.sql("UPDATE shared_calendar_revision SET revision = nextval('shared_calendar_revision_seq')").update();
			});
		}
		assertThat(calendar.isWorkingDay(LocalDate.of(2024, 6, 11))).isTrue();
	}

	/**
	 * A transaction counts on one snapshot (one revision read however many counts it makes), but an edit of the
	 * calendar inside it is seen by the counts after the edit.
	 */
	@Test
	void countsInsideATransactionShareOneSnapshotUntilTheCalendarIsEditedInIt() {
		transactions.executeWithoutResult(tx -> {
			assertThat(calendar.isWorkingDay(LocalDate.of(2024, 6, 13))).isTrue();
			jdbc.sql("INSERT INTO shared_calendar_day (day, year, kind, name) VALUES ('2024-06-13', 2024, 'OFF', '测试')")
				.update();
			// written behind the calendar's back: the transaction's snapshot still answers
			assertThat(calendar.isWorkingDay(LocalDate.of(2024, 6, 13))).isTrue();
			years.lockForEdit();
			years.bumpRevision();
			assertThat(calendar.isWorkingDay(LocalDate.of(2024, 6, 13))).isFalse();
			tx.setRollbackOnly();
		});
		assertThat(calendar.isWorkingDay(LocalDate.of(2024, 6, 13))).isTrue();
	}

	@Test
	void aCountReadInsideAnEditThatRollsBackIsNotKeptAsCurrent() {
		transactions.executeWithoutResult(tx -> {
			jdbc.sql("INSERT INTO shared_calendar_day (day, year, kind, name) VALUES ('2024-06-12', 2024, 'OFF', '测试')")
				.update();
			jdbc.sql("UPDATE shared_calendar_revision SET revision = nextval('shared_calendar_revision_seq')").update();
			assertThat(calendar.isWorkingDay(LocalDate.of(2024, 6, 12))).isFalse();
			tx.setRollbackOnly();
		});
		assertThat(calendar.isWorkingDay(LocalDate.of(2024, 6, 12))).isTrue();
	}
}
