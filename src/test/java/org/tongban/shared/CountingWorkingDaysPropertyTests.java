package org.tongban.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;

/**
 * Properties of the count that must hold for any start and any number of days, checked on entered years
 * (2024–2026, seeded by Flyway) and on the provisional 2027 and after: counting forward and measuring back
 * agree, both only ever grow, and the N-th working day (N ≥ 1) is a working day. The samples are drawn from
 * starts 2024-01-01..2027-12-31 and counts 0..300 with a fixed seed, so a failure names its case and recurs;
 * a few hand-picked starts at year ends and holidays are always among them.
 */
@SpringBootTest
@AutoConfigureMockMvc
class CountingWorkingDaysPropertyTests {

	private static final LocalDate FIRST = LocalDate.of(2024, 1, 1);
	private static final LocalDate LAST = LocalDate.of(2027, 12, 31);
	private static final int MAX_DAYS = 300;
	private static final long SEED = 20_270_101L;
	private static final int RANDOM_SAMPLES = 120;

	@Autowired
	WorkingDayCalendar calendar;

	/**
	 * Two starts {@code from ≤ later}, two counts {@code days ≤ moreDays}, and a date {@code beyond} on or after
	 * {@code later}, at most 60 days on: the second of each pair is where a monotonic answer may only grow.
	 */
	record Sample(LocalDate from, LocalDate later, int days, int moreDays, LocalDate beyond) {

		@Override
		public String toString() {
			return "from " + from + " / " + later + ", " + days + " / " + moreDays + " days, to " + beyond;
		}
	}

	static List<Sample> samples() {
		Random random = new Random(SEED);
		int span = (int) ChronoUnit.DAYS.between(FIRST, LAST) + 1;
		List<Sample> samples = new ArrayList<>();
		List<LocalDate> edges = List.of(FIRST, LAST, LocalDate.of(2024, 12, 31), LocalDate.of(2025, 12, 31),
				LocalDate.of(2026, 12, 31), LocalDate.of(2026, 12, 30), LocalDate.of(2024, 9, 28),
				LocalDate.of(2026, 2, 14), LocalDate.of(2027, 2, 4), LocalDate.of(2027, 9, 30));
		for (LocalDate edge : edges) {
			samples.add(new Sample(edge, edge, 0, MAX_DAYS, edge));
			samples.add(new Sample(edge, edge.plusDays(1), 1, 2, edge.plusDays(1 + random.nextInt(60))));
		}
		for (int i = 0; i < RANDOM_SAMPLES; i++) {
			LocalDate a = FIRST.plusDays(random.nextInt(span));
			LocalDate b = FIRST.plusDays(random.nextInt(span));
			int n = random.nextInt(MAX_DAYS + 1);
			int m = random.nextInt(MAX_DAYS + 1);
			LocalDate later = a.isAfter(b) ? a : b;
			samples.add(new Sample(a.isAfter(b) ? b : a, later, Math.min(n, m), Math.max(n, m),
					later.plusDays(random.nextInt(61))));
		}
		return samples;
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("samples")
	void countingForwardAndMeasuringBackAgree(Sample s) {
		assertThat(calendar.workingDaysBetween(s.from(), calendar.plusWorkingDays(s.from(), s.days())))
				.isEqualTo(s.days());
		assertThat(calendar.workingDaysBetween(s.later(), calendar.plusWorkingDays(s.later(), s.moreDays())))
				.isEqualTo(s.moreDays());
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("samples")
	void theNthWorkingDayIsAWorkingDayAndTheZerothIsTheStart(Sample s) {
		LocalDate nth = calendar.plusWorkingDays(s.from(), s.days());
		if (s.days() == 0) {
			assertThat(nth).isEqualTo(s.from());
		}
		else {
			assertThat(calendar.isWorkingDay(nth)).as("%s", nth).isTrue();
		}
		assertThat(calendar.isWorkingDay(calendar.plusWorkingDays(s.later(), Math.max(1, s.moreDays())))).isTrue();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("samples")
	void countingForwardGrowsWithTheCountAndWithTheStart(Sample s) {
		LocalDate fewer = calendar.plusWorkingDays(s.from(), s.days());
		LocalDate more = calendar.plusWorkingDays(s.from(), s.moreDays());
		if (s.days() < s.moreDays()) {
			assertThat(fewer).isBefore(more);
		}
		else {
			assertThat(fewer).isEqualTo(more);
		}
		assertThat(fewer).isBeforeOrEqualTo(calendar.plusWorkingDays(s.later(), s.days()));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("samples")
	void measuringGrowsWithTheEndAndShrinksWithTheStart(Sample s) {
		// in either direction: when the end lies before the start the count is negative and still ordered
		assertThat(calendar.workingDaysBetween(s.from(), s.later()))
				.isLessThanOrEqualTo(calendar.workingDaysBetween(s.from(), s.beyond()));
		assertThat(calendar.workingDaysBetween(s.from(), s.beyond()))
				.isGreaterThanOrEqualTo(calendar.workingDaysBetween(s.later(), s.beyond()));
		assertThat(calendar.workingDaysBetween(s.beyond(), s.from()))
				.isEqualTo(-calendar.workingDaysBetween(s.from(), s.beyond()));
		assertThat(calendar.workingDaysBetween(s.later(), s.from()))
				.isLessThanOrEqualTo(calendar.workingDaysBetween(s.later(), s.later()));
	}
}
