package org.tongban.reform;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;

/** Leaders and divisions find tasks by division, group, status and lateness, in JSON and on pages. */
class ListingTasksTests extends ReformIntegrationTest {

	@Test
	void aTaskHasTheDocumentedFieldsAndShapes() throws Exception {
		mvc.perform(get("/api/reform/tasks").with(basic("leader")))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$", hasSize(65)))
				.andExpect(jsonPath("$[19].no").value(20))
				.andExpect(jsonPath("$[19].group").value(5))
				.andExpect(jsonPath("$[19].groupTitle").value("持续完善新型监管模式"))
				.andExpect(jsonPath("$[19].leadDivisions", hasSize(3)))
				.andExpect(jsonPath("$[19].leadDivisions[0]").value("医政处"))
				.andExpect(jsonPath("$[19].cooperatingDivisions[0]").value("规划发展处"))
				.andExpect(jsonPath("$[19].units[0]").value("区监督所"))
				.andExpect(jsonPath("$[19].deadline").value("2024-12-31"))
				.andExpect(jsonPath("$[19].content").value(containsString("制定本行业合规指引")))
				.andExpect(jsonPath("$[2].status").value("COMPLETED"))
				.andExpect(jsonPath("$[2].progress").value(100))
				.andExpect(jsonPath("$[2].overdue").value(false))
				.andExpect(jsonPath("$[64].cooperatingDivisions", hasSize(0)));
	}

	@Test
	void filtersByGroupDivisionStatusAndLateness() throws Exception {
		mvc.perform(get("/api/reform/tasks").param("group", "2").with(basic("leader")))
				.andExpect(jsonPath("$[*].no", is(java.util.List.of(9, 10, 11, 12))))
				.andExpect(jsonPath("$[*].groupTitle", everyItem(is("持续深化“一业一证”改革"))));
		mvc.perform(get("/api/reform/tasks").param("division", "规划发展处").with(basic("leader")))
				.andExpect(jsonPath("$[*].leadDivisions", everyItem(hasItem("规划发展处"))))
				.andExpect(jsonPath("$", hasSize(18)));
		mvc.perform(get("/api/reform/tasks").param("division", "PLANNING").with(basic("leader")))
				.andExpect(jsonPath("$", hasSize(18)));
		mvc.perform(get("/api/reform/tasks").param("status", "COMPLETED").with(basic("leader")))
				.andExpect(jsonPath("$[*].status", everyItem(is("COMPLETED"))))
				.andExpect(jsonPath("$[*].no", hasItem(3)));
		mvc.perform(get("/api/reform/tasks").param("overdue", "true").with(basic("leader")))
				.andExpect(jsonPath("$[*].overdue", everyItem(is(true))));
		mvc.perform(get("/api/reform/tasks").param("overdue", "false").with(basic("leader")))
				.andExpect(jsonPath("$[*].overdue", everyItem(is(false))));
		mvc.perform(get("/api/reform/tasks").param("division", "规划发展处").param("group", "16")
				.with(basic("biomed")))
				.andExpect(jsonPath("$[*].no", is(java.util.List.of(59, 60))));
	}

	@Test
	void anUnknownFilterValueIsExplainedInChinese() throws Exception {
		mvc.perform(get("/api/reform/tasks").param("division", "宣传处").with(basic("leader")))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].field").value("division"))
				.andExpect(jsonPath("$.errors[0].message").value("未知的处室或单位“宣传处”"));
		mvc.perform(get("/api/reform/tasks").param("status", "DONE").with(basic("leader")))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].field").value("status"));
	}

	@Test
	void theDashboardCountsEveryTaskOnceByStatusAndGroup() throws Exception {
		mvc.perform(get("/api/reform/dashboard").with(basic("leader")))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.total").value(65))
				.andExpect(jsonPath("$.byStatus", hasSize(4)))
				.andExpect(jsonPath("$.byGroup", hasSize(18)))
				.andExpect(jsonPath("$.byGroup[1].title").value("持续深化“一业一证”改革"))
				.andExpect(jsonPath("$.byGroup[1].total").value(4))
				.andExpect(jsonPath("$.byDivision[?(@.code == 'PLANNING')].name").value("规划发展处"))
				.andExpect(jsonPath("$.byDivision[?(@.code == 'PLANNING')].total").value(18))
				// a task led by three divisions counts for each of them
				.andExpect(jsonPath("$.byDivision[?(@.code == 'MEDADMIN')].total").value(5))
				.andExpect(jsonPath("$.overdue[*].overdue", everyItem(is(true))));
	}

	/** The leader's first screen answers "what is late and who owns it", counted from the overdue list itself. */
	@Test
	void theDashboardSaysWhichDivisionOwnsWhatIsLateHowLateAndWhomToCall() throws Exception {
		tools.jackson.databind.json.JsonMapper json = tools.jackson.databind.json.JsonMapper.builder().build();
		tools.jackson.databind.JsonNode d = json.readTree(mvc.perform(get("/api/reform/dashboard").with(basic("leader")))
				.andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
		java.time.LocalDate today = java.time.LocalDate.parse(d.get("today").asString());
		tools.jackson.databind.JsonNode late = d.get("lateByDivision");
		org.assertj.core.api.Assertions.assertThat(late.size()).isPositive();
		long previous = Long.MAX_VALUE;
		for (tools.jackson.databind.JsonNode division : late) {
			String name = division.get("name").asString();
			java.util.List<java.time.LocalDate> deadlines = new java.util.ArrayList<>();
			for (tools.jackson.databind.JsonNode task : d.get("overdue")) {
				boolean led = false;
				for (tools.jackson.databind.JsonNode lead : task.get("leadDivisions")) {
					led |= lead.asString().equals(name);
				}
				if (led) {
					deadlines.add(java.time.LocalDate.parse(task.get("deadline").asString()));
					org.assertj.core.api.Assertions.assertThat(task.get("daysLate").asLong()).isEqualTo(
							java.time.temporal.ChronoUnit.DAYS.between(java.time.LocalDate.parse(task.get("deadline").asString()), today));
				}
			}
			java.time.LocalDate oldest = java.util.Collections.min(deadlines);
			org.assertj.core.api.Assertions.assertThat(division.get("overdue").asInt()).as(name).isEqualTo(deadlines.size());
			org.assertj.core.api.Assertions.assertThat(division.get("oldestDeadline").asString()).isEqualTo(oldest.toString());
			long days = division.get("mostDaysLate").asLong();
			org.assertj.core.api.Assertions.assertThat(days).isEqualTo(java.time.temporal.ChronoUnit.DAYS.between(oldest, today))
					.isLessThanOrEqualTo(previous);
			previous = days;
		}
		// the planning division's staff member is its contact, on the first screen with a link to its late tasks
		mvc.perform(get("/reform").with(as("leader"))).andExpect(status().isOk())
				.andExpect(content().string(containsString("逾期任务由谁牵头")))
				.andExpect(content().string(containsString("规划发展处 周工作人员")))
				.andExpect(content().string(containsString("href=\"/reform/tasks?division=PLANNING&amp;overdue=true\"")))
				.andExpect(content().string(containsString("逾期天数")));
	}

	@Test
	void leadersAndDivisionsSeeTheCockpitPages() throws Exception {
		mvc.perform(get("/reform").with(as("leader"))).andExpect(status().isOk())
				.andExpect(content().string(containsString("改革任务驾驶舱")))
				.andExpect(content().string(containsString("echarts.min.js")))
				.andExpect(content().string(containsString("data-url=\"/api/reform/dashboard\"")))
				// today (2026) every unfinished 2024 task is overdue: the overdue list links them, red
				.andExpect(content().string(containsString("<td class=\"overdue\">2024-12-31</td>")))
				.andExpect(content().string(containsString("href=\"/reform/tasks/2\"")));
		mvc.perform(get("/reform/tasks").param("group", "2").with(as("biomed"))).andExpect(status().isOk())
				.andExpect(content().string(containsString("共 <span>4</span> 项任务")))
				.andExpect(content().string(containsString("/api/reform/tasks.xlsx")));
		mvc.perform(get("/reform/tasks/3").with(as("admin"))).andExpect(status().isOk())
				.andExpect(content().string(containsString("2023年度行政许可实施情况年度报告")))
				.andExpect(content().string(containsString("演示数据")));
		mvc.perform(get("/reform/tasks/999").with(as("admin"))).andExpect(status().isNotFound());
		// the chart library (org.webjars:echarts has no dist/ folder) and our script are served under the CSP's 'self'
		mvc.perform(get("/webjars/echarts/echarts.min.js")).andExpect(status().isOk());
		mvc.perform(get("/js/reform-dashboard.js")).andExpect(status().isOk());
	}
}
