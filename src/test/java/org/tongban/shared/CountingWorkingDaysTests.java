package org.tongban.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpStatus;

/**
 * Counting working days against the seeded 2024–2026 arrangements. Every expectation was worked out by
 * hand from /work/shared/reference/cn-holidays-2024-2026.md, not from the code.
 */
@SpringBootTest
@AutoConfigureMockMvc
class CountingWorkingDaysTests {

	@Autowired
	WorkingDayCalendar calendar;

	private static LocalDate d(String iso) {
		return LocalDate.parse(iso);
	}

	@Test
	void aFridayBeforeNationalDay2024ReachesTheMakeUpSunday() {
		// Fri 27 Sep → Sat 28 off → Sun 29 Sep is a make-up working day
		assertThat(calendar.plusWorkingDays(d("2024-09-27"), 1)).isEqualTo(d("2024-09-29"));
	}

	@Test
	void theDayBeforeNationalDay2024JumpsTheWholeGoldenWeek() {
		assertThat(calendar.plusWorkingDays(d("2024-09-30"), 1)).isEqualTo(d("2024-10-08"));
		// 8, 9, 10, 11 Oct and the make-up Saturday 12 Oct
		assertThat(calendar.plusWorkingDays(d("2024-09-30"), 5)).isEqualTo(d("2024-10-12"));
		assertThat(calendar.plusWorkingDays(d("2024-09-29"), 1)).isEqualTo(d("2024-09-30"));
		assertThat(calendar.isWorkingDay(d("2024-10-07"))).as("Monday inside the holiday").isFalse();
		assertThat(calendar.isWorkingDay(d("2024-10-12"))).as("make-up Saturday").isTrue();
		assertThat(calendar.isWorkingDay(d("2024-10-13"))).as("ordinary Sunday").isFalse();
		assertThat(calendar.workingDaysBetween(d("2024-09-30"), d("2024-10-12"))).isEqualTo(5);
	}

	@Test
	void springFestival2024HasTwoMakeUpSundaysAndNewYearsEveIsAWorkingDay() {
		assertThat(calendar.isWorkingDay(d("2024-02-04"))).as("Sunday 4 Feb, make-up").isTrue();
		assertThat(calendar.isWorkingDay(d("2024-02-18"))).as("Sunday 18 Feb, make-up").isTrue();
		assertThat(calendar.isWorkingDay(d("2024-02-09"))).as("New Year's Eve, only encouraged off").isTrue();
		assertThat(calendar.isWorkingDay(d("2024-02-12"))).as("Monday inside the holiday").isFalse();
		assertThat(calendar.plusWorkingDays(d("2024-02-02"), 1)).isEqualTo(d("2024-02-04"));
		assertThat(calendar.plusWorkingDays(d("2024-02-08"), 1)).isEqualTo(d("2024-02-09"));
		assertThat(calendar.plusWorkingDays(d("2024-02-09"), 1)).isEqualTo(d("2024-02-18"));
		assertThat(calendar.plusWorkingDays(d("2024-02-09"), 2)).isEqualTo(d("2024-02-19"));
		// February 2024: 21 weekdays, 5 of them off (12–16), plus the make-up Sundays 4 and 18
		assertThat(calendar.workingDaysBetween(d("2024-01-31"), d("2024-02-29"))).isEqualTo(18);
	}

	@Test
	void theTurnOf2025Into2026CountsTheMakeUpSundayAfterNewYear() {
		// Thu 1, Fri 2, Sat 3 Jan 2026 off; Sun 4 Jan 2026 is a make-up working day
		assertThat(calendar.plusWorkingDays(d("2025-12-31"), 1)).isEqualTo(d("2026-01-04"));
		assertThat(calendar.plusWorkingDays(d("2025-12-31"), 2)).isEqualTo(d("2026-01-05"));
		assertThat(calendar.plusWorkingDays(d("2025-12-30"), 1)).isEqualTo(d("2025-12-31"));
		assertThat(calendar.workingDaysBetween(d("2025-12-31"), d("2026-01-05"))).isEqualTo(2);
		assertThat(calendar.workingDaysBetween(d("2026-01-05"), d("2025-12-31"))).isEqualTo(-2);
	}

	@Test
	void theTurnOf2024Into2025SkipsNewYearsDay() {
		assertThat(calendar.plusWorkingDays(d("2024-12-31"), 1)).isEqualTo(d("2025-01-02"));
	}

	@Test
	void nationalDayAndMidAutumn2025AreEightDaysOff() {
		assertThat(calendar.plusWorkingDays(d("2025-09-30"), 1)).isEqualTo(d("2025-10-09"));
		assertThat(calendar.isWorkingDay(d("2025-09-28"))).isTrue();
		assertThat(calendar.isWorkingDay(d("2025-10-11"))).isTrue();
	}

	@Test
	void wholeYearsHaveThePublishedNumberOfWorkingDays() {
		// weekdays minus weekday holidays plus make-up days: 262 − 19 + 8, 261 − 18 + 5, 261 − 19 + 6
		assertThat(calendar.workingDaysBetween(d("2023-12-31"), d("2024-12-31"))).isEqualTo(251);
		assertThat(calendar.workingDaysBetween(d("2024-12-31"), d("2025-12-31"))).isEqualTo(248);
		assertThat(calendar.workingDaysBetween(d("2025-12-31"), d("2026-12-31"))).isEqualTo(248);
	}

	@Test
	void zeroDaysIsTheStartItselfEvenOnAHoliday() {
		assertThat(calendar.plusWorkingDays(d("2024-10-01"), 0)).isEqualTo(d("2024-10-01"));
		assertThat(calendar.workingDaysBetween(d("2024-10-01"), d("2024-10-01"))).isZero();
	}

	@Test
	void countingIntoAYearWithNoArrangementIsRefused() {
		// Thu 31 Dec 2026 is the 1st; the 2nd would be in 2027, which nobody has entered
		assertThat(calendar.plusWorkingDays(d("2026-12-30"), 1)).isEqualTo(d("2026-12-31"));
		assertThatThrownBy(() -> calendar.plusWorkingDays(d("2026-12-30"), 5))
				.isInstanceOfSatisfying(Problem.class, p -> {
					assertThat(p.status()).isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
					assertThat(p.type()).isEqualTo("calendar-year-missing");
					assertThat(p.detail()).startsWith("2027 年的法定节假日安排尚未录入");
				});
		assertThatThrownBy(() -> calendar.isWorkingDay(d("2027-03-01"))).isInstanceOf(Problem.class);
		assertThatThrownBy(() -> calendar.plusWorkingDays(d("2023-12-29"), 1)).isInstanceOf(Problem.class)
				.hasMessageContaining("2023 年");
		assertThatThrownBy(() -> calendar.workingDaysBetween(d("2026-12-01"), d("2027-01-10")))
				.isInstanceOf(Problem.class);
		assertThat(calendar.coveredYears()).contains(2024, 2025, 2026).doesNotContain(2023, 2027);
	}

	@Test
	void negativeDaysAreAProgrammingError() {
		assertThatThrownBy(() -> calendar.plusWorkingDays(d("2024-01-02"), -1))
				.isInstanceOf(IllegalArgumentException.class);
	}
}
