package org.tongban.shared;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** Anyone, signed in or not, asks for the date N working days after a date. */
@SpringBootTest
@AutoConfigureMockMvc
class WorkingDayApiTests {

	@Autowired
	MockMvc mvc;

	@Test
	void anAnonymousCallerGetsTheDateAcrossAMakeUpSunday() throws Exception {
		mvc.perform(get("/api/calendar/working-days").param("from", "2024-09-27").param("days", "1"))
			.andExpect(status().isOk())
			.andExpect(content().json("{\"date\":\"2024-09-29\",\"provisional\":false}", true));
	}

	@Test
	void aCountIntoAYearNotEnteredYetIsAnsweredAndMarkedProvisional() throws Exception {
		// 2027 counts on its statutory holidays: Fri 1 Jan off, no make-up day
		mvc.perform(get("/api/calendar/working-days").param("from", "2026-12-30").param("days", "5"))
			.andExpect(status().isOk())
			.andExpect(content().json("{\"date\":\"2027-01-07\",\"provisional\":true}", true));
		mvc.perform(get("/api/calendar/working-days").param("from", "2026-12-28").param("days", "1"))
			.andExpect(status().isOk())
			.andExpect(content().json("{\"date\":\"2026-12-29\",\"provisional\":false}", true));
	}

	@Test
	void anAnonymousCallerGetsTheDateAfterNationalDay() throws Exception {
		mvc.perform(get("/api/calendar/working-days").param("from", "2024-09-30").param("days", "1"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.date").value("2024-10-08"));
	}

	@Test
	void zeroDaysGivesTheStartBack() throws Exception {
		mvc.perform(get("/api/calendar/working-days").param("from", "2025-10-01").param("days", "0"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.date").value("2025-10-01"));
	}

	@Test
	void missingParametersAreBothReportedInChinese() throws Exception {
		mvc.perform(get("/api/calendar/working-days"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.type").value("https://tongban.org/problems/validation"))
			.andExpect(jsonPath("$.title").value("输入有误"))
			.andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.containsInAnyOrder("from", "days")))
			.andExpect(jsonPath("$.errors[0].message").value(containsString("请填写起算日期")));
	}

	@Test
	void anImpossibleDateIsRefused() throws Exception {
		mvc.perform(get("/api/calendar/working-days").param("from", "2024-02-30").param("days", "1"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("from"))
			.andExpect(jsonPath("$.errors[0].message").value(containsString("不是 YYYY-MM-DD 格式的真实日期")));
		mvc.perform(get("/api/calendar/working-days").param("from", "2024/09/30").param("days", "1"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("from"));
	}

	@Test
	void negativeTooManyOrNonNumericDaysAreRefused() throws Exception {
		for (String days : new String[] {"-1", "3651", "abc", "1.5"}) {
			mvc.perform(get("/api/calendar/working-days").param("from", "2024-09-30").param("days", days))
				.andExpect(status().isBadRequest())
				.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
				.andExpect(jsonPath("$.errors[*].field").value(hasItem("days")));
		}
		// the most allowed is counted, on provisional years from 2027 on
		mvc.perform(get("/api/calendar/working-days").param("from", "2024-01-01").param("days", "3650"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.provisional").value(true));
	}

	@Test
	void countingIntoAnUnknownYearBefore2025IsUnprocessableAndNamesTheYear() throws Exception {
		mvc.perform(get("/api/calendar/working-days").param("from", "2023-12-28").param("days", "1"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.type").value("https://tongban.org/problems/calendar-year-missing"))
			.andExpect(jsonPath("$.detail").value(
					"2023 年的法定节假日安排尚未录入，无法计算工作日，请管理员在国务院办公厅通知发布后录入。"))
			.andExpect(jsonPath("$.instance").value("/api/calendar/working-days"));
	}
}
