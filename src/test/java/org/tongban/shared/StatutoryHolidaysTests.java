package org.tongban.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * The provisional calendar's holidays are those of 《全国年节及纪念日放假办法》 第二条 as amended in 2024 (in
 * force from 1 January 2025): 元旦 1 day, 春节 4 days (除夕 to 正月初三), 清明节 1 day, 劳动节 2 days (1–2 May),
 * 端午节 1 day, 中秋节 1 day, 国庆节 3 days (1–3 October). The lunar dates below are the published ones (State
 * Council notices for 2025 and 2026, almanac dates for 2027–2031), written down by hand, not computed.
 */
class StatutoryHolidaysTests {

	private static LocalDate d(String iso) {
		return LocalDate.parse(iso);
	}

	private static Map<LocalDate, String> holidays(int year) {
		Map<LocalDate, String> byDate = new LinkedHashMap<>();
		for (SpecialDay day : StatutoryHolidays.of(year)) {
			assertThat(day.kind()).isEqualTo(SpecialDay.Kind.OFF);
			byDate.put(day.date(), day.name());
		}
		return byDate;
	}

	@Test
	void article2Gives2027ThirteenDaysOffWithTheLunarHolidaysOnTheirRealDates() {
		assertThat(holidays(2027)).containsExactly(
				Map.entry(d("2027-01-01"), "元旦"),
				// 除夕 2027 is 腊月廿九: the twelfth month of 丙午 has 29 days
				Map.entry(d("2027-02-05"), "春节"), Map.entry(d("2027-02-06"), "春节"),
				Map.entry(d("2027-02-07"), "春节"), Map.entry(d("2027-02-08"), "春节"),
				Map.entry(d("2027-04-05"), "清明节"),
				Map.entry(d("2027-05-01"), "劳动节"), Map.entry(d("2027-05-02"), "劳动节"),
				Map.entry(d("2027-06-09"), "端午节"),
				Map.entry(d("2027-09-15"), "中秋节"),
				Map.entry(d("2027-10-01"), "国庆节"), Map.entry(d("2027-10-02"), "国庆节"),
				Map.entry(d("2027-10-03"), "国庆节"));
	}

	@Test
	void article2MatchesThePublishedDatesOf2025And2026() {
		// 除夕 2025-01-28 and 2026-02-16, both 腊月廿九; the notices' statutory days inside their longer breaks
		assertThat(holidays(2025)).containsKeys(d("2025-01-01"), d("2025-01-28"), d("2025-01-29"), d("2025-01-30"),
				d("2025-01-31"), d("2025-04-04"), d("2025-05-01"), d("2025-05-02"), d("2025-05-31"), d("2025-10-06"),
				d("2025-10-01"), d("2025-10-02"), d("2025-10-03")).hasSize(13);
		assertThat(holidays(2026)).containsKeys(d("2026-01-01"), d("2026-02-16"), d("2026-02-17"), d("2026-02-18"),
				d("2026-02-19"), d("2026-04-05"), d("2026-05-01"), d("2026-05-02"), d("2026-06-19"), d("2026-09-25"),
				d("2026-10-01"), d("2026-10-02"), d("2026-10-03")).hasSize(13);
	}

	@Test
	void newYearsEveIsTheLastDayOfTheTwelfthMonthWhenItIsTheThirtieth() {
		// 2030: 正月初一 is 3 February, so 除夕 is 腊月三十, 2 February
		assertThat(holidays(2030)).containsEntry(d("2030-02-02"), "春节").containsEntry(d("2030-02-05"), "春节")
				.doesNotContainKeys(d("2030-02-01"), d("2030-02-06"));
	}

	@Test
	void theDragonBoatFestivalOfALeapFifthMonthYearIsInTheOrdinaryFifthMonth() {
		// 2028 has a 闰五月; 端午 is 五月初五 = 28 May, not 闰五月初五 (27 June)
		assertThat(holidays(2028)).containsEntry(d("2028-05-28"), "端午节").doesNotContainKey(d("2028-06-27"));
	}

	@Test
	void aMidAutumnFestivalOnANationalDayHolidayIsOneDayOffUnderBothNames() {
		// 中秋 2028 is 3 October: article 2 moves nothing, so the year has 12 distinct days off, not 13
		assertThat(holidays(2028)).containsEntry(d("2028-10-03"), "中秋节、国庆节").hasSize(12);
		assertThat(holidays(2031)).containsEntry(d("2031-10-01"), "中秋节、国庆节").hasSize(12);
	}

	@Test
	void everyYearUpTo2099HasItsHolidaysInDateOrderAndWithinTheYear() {
		for (int year = StatutoryHolidays.FIRST_YEAR; year <= CalendarManagement.LAST_YEAR; year++) {
			List<SpecialDay> days = StatutoryHolidays.of(year);
			assertThat(days).as("%d", year).hasSizeBetween(11, 13).isSortedAccordingTo(
					(a, b) -> a.date().compareTo(b.date()));
			for (SpecialDay day : days) {
				assertThat(day.date().getYear()).as("%s", day).isEqualTo(year);
			}
		}
	}

	@Test
	void yearsBeforeTheAmendedArticleAreNotComputed() {
		assertThatThrownBy(() -> StatutoryHolidays.of(2024)).isInstanceOf(IllegalArgumentException.class);
	}
}
