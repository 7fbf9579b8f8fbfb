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
 * Counting working days against the seeded 2024–2026 arrangements and the provisional 2027. Every expectation
 * was worked out by hand from /work/shared/reference/cn-holidays-2024-2026.md and, for 2027, from the
 * statutory holidays of 《全国年节及纪念日放假办法》 第二条 on their almanac dates, not from the code.
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
	void countingIntoAnUnenteredYearBefore2025OrAfter2099IsRefused() {
		// 2023 is not entered and predates the amended 办法: nothing is guessed for it
		assertThatThrownBy(() -> calendar.workingDaysBetween(d("2023-12-01"), d("2024-01-10")))
				.isInstanceOfSatisfying(Problem.class, p -> {
					assertThat(p.status()).isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
					assertThat(p.type()).isEqualTo("calendar-year-missing");
					assertThat(p.detail()).startsWith("2023 年的法定节假日安排尚未录入");
				});
		assertThatThrownBy(() -> calendar.isWorkingDay(d("2023-03-01"))).isInstanceOf(Problem.class);
		assertThatThrownBy(() -> calendar.plusWorkingDays(d("2023-12-29"), 1)).isInstanceOf(Problem.class)
				.hasMessageContaining("2023 年");
		assertThatThrownBy(() -> calendar.isWorkingDay(d("2100-01-04"))).isInstanceOf(Problem.class)
				.hasMessageContaining("2100 年");
		assertThat(calendar.isProvisional(2023)).isFalse();
		assertThat(calendar.isProvisional(2100)).isFalse();
		assertThat(calendar.provisionalDays(2023)).isEmpty();
	}

	@Test
	void countingInto2027WithNoArrangementUsesTheStatutoryHolidaysAlone() {
		// 2027 provisionally: Fri 1 Jan off, no make-up Sunday; Thu 31 Dec 2026 is the 1st, Mon 4 to Thu 7 Jan the rest
		assertThat(calendar.plusWorkingDays(d("2026-12-30"), 1)).isEqualTo(d("2026-12-31"));
		assertThat(calendar.plusWorkingDays(d("2026-12-30"), 5)).isEqualTo(d("2027-01-07"));
		// 除夕 Fri 5 Feb to 初三 Mon 8 Feb
		assertThat(calendar.plusWorkingDays(d("2027-02-04"), 1)).isEqualTo(d("2027-02-09"));
		assertThat(calendar.isWorkingDay(d("2027-03-01"))).isTrue();
		assertThat(calendar.isWorkingDay(d("2027-04-05"))).as("清明, a Monday").isFalse();
		assertThat(calendar.isWorkingDay(d("2027-06-09"))).as("端午, a Wednesday").isFalse();
		assertThat(calendar.isWorkingDay(d("2027-09-15"))).as("中秋, a Wednesday").isFalse();
		assertThat(calendar.isWorkingDay(d("2027-10-04"))).as("no bridge after 国庆").isTrue();
		// Dec 2026 after the 1st: 22 weekdays; Jan 2027 up to the 10th: 4–8
		assertThat(calendar.workingDaysBetween(d("2026-12-01"), d("2027-01-10"))).isEqualTo(27);
		// 261 weekdays in 2027, 7 of them holidays (1 Jan, 5 and 8 Feb, 5 Apr, 9 Jun, 15 Sep, 1 Oct)
		assertThat(calendar.workingDaysBetween(d("2026-12-31"), d("2027-12-31"))).isEqualTo(254);
	}

	@Test
	void callersCanTellWhetherAnAnswerRestsOnAProvisionalYear() {
		assertThat(calendar.isProvisional(2027)).isTrue();
		assertThat(calendar.isProvisional(2026)).as("entered").isFalse();
		assertThat(calendar.anyProvisional(d("2026-12-01"), d("2027-01-10"))).isTrue();
		assertThat(calendar.anyProvisional(d("2027-01-10"), d("2026-12-01"))).as("either order").isTrue();
		assertThat(calendar.anyProvisional(d("2024-01-01"), d("2026-12-31"))).isFalse();
		assertThat(calendar.anyProvisional(d("2023-06-01"), d("2024-06-01"))).as("refused, not provisional").isFalse();
		assertThat(calendar.provisionalDays(2027)).extracting(SpecialDay::date).contains(d("2027-02-05"), d("2027-10-03"))
				.hasSize(13);
		assertThat(calendar.provisionalDays(2026)).isEmpty();
		assertThat(calendar.coveredYears()).contains(2024, 2025, 2026).doesNotContain(2023, 2027);
	}

	@Test
	void everyStatutoryHolidayOfArticle2IsADayOffInThePublished2025And2026Notices() {
		// the provisional calendar can only err by missing bridges and make-up days, never by a holiday too many
		for (int year : new int[] {2025, 2026}) {
			for (SpecialDay day : StatutoryHolidays.of(year)) {
				assertThat(calendar.isWorkingDay(day.date())).as("%s %s", day.date(), day.name()).isFalse();
			}
		}
	}

	@Test
	void negativeDaysAreAProgrammingError() {
		assertThatThrownBy(() -> calendar.plusWorkingDays(d("2024-01-02"), -1))
				.isInstanceOf(IllegalArgumentException.class);
	}
}
