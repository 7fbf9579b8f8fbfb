package org.tongban.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Entering or editing a year announces {@link CalendarYearChanged}, so that time limits counted on the
 * provisional or the earlier arrangement can be counted again. Uses 2036 and 2037, which no other test enters.
 */
@SpringBootTest
@AutoConfigureMockMvc
@RecordApplicationEvents
class AnnouncingCalendarChangesTests {

	@Autowired
	CalendarManagement management;

	@Autowired
	WorkingDayCalendar calendar;

	@Autowired
	ApplicationEvents events;

	@Autowired
	MockMvc mvc;

	private static List<SpecialDay> newYearsDayOnly(int year) {
		return List.of(new SpecialDay(LocalDate.of(year, 1, 1), SpecialDay.Kind.OFF, "元旦"));
	}

	@Test
	void enteringAProvisionalYearAnnouncesItAndReplacesTheProvisionalDaysAtOnce() {
		// provisionally 端午 2036 (五月初五) is Friday 30 May
		LocalDate dragonBoat = LocalDate.of(2036, 5, 30);
		assertThat(calendar.isProvisional(2036)).isTrue();
		assertThat(calendar.isWorkingDay(dragonBoat)).isFalse();

		management.replace(2036, "国务院办公厅关于2036年部分节假日安排的通知（测试）", newYearsDayOnly(2036), "admin");

		assertThat(events.stream(CalendarYearChanged.class)).containsExactly(new CalendarYearChanged(2036));
		assertThat(calendar.isProvisional(2036)).isFalse();
		assertThat(calendar.provisionalDays(2036)).isEmpty();
		assertThat(calendar.isWorkingDay(dragonBoat)).as("only what was entered counts now").isTrue();
		assertThat(calendar.coveredYears()).contains(2036);

		management.replace(2036, "国务院办公厅关于2036年部分节假日安排的通知（测试）",
				List.of(new SpecialDay(LocalDate.of(2036, 1, 1), SpecialDay.Kind.OFF, "元旦"),
						new SpecialDay(dragonBoat, SpecialDay.Kind.OFF, "端午节")), "admin");
		assertThat(events.stream(CalendarYearChanged.class)).as("every edit, not only the first")
				.containsExactly(new CalendarYearChanged(2036), new CalendarYearChanged(2036));
	}

	@Test
	void anEditThroughTheApiIsAnnouncedToo() throws Exception {
		mvc.perform(put("/api/calendar/years/2037").with(httpBasic("admin", "tongban-demo"))
				.contentType(MediaType.APPLICATION_JSON).content("""
						{"source": "国务院办公厅关于2037年部分节假日安排的通知（测试）",
						 "days": [{"date": "2037-01-01", "kind": "OFF", "name": "元旦"}]}
						"""))
			.andExpect(status().isOk());
		assertThat(events.stream(CalendarYearChanged.class)).containsExactly(new CalendarYearChanged(2037));
	}

	@Test
	void aRefusedEditAnnouncesNothing() {
		assertThatThrownBy(() -> management.replace(2038, " ", newYearsDayOnly(2038), "admin"))
				.isInstanceOf(Problem.class);
		assertThatThrownBy(() -> management.replace(1999, "通知", newYearsDayOnly(1999), "admin"))
				.isInstanceOf(Problem.class);
		assertThat(events.stream(CalendarYearChanged.class)).isEmpty();
		assertThat(calendar.isProvisional(2038)).isTrue();
	}
}
