package org.tongban.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Time limits counted by the published holiday arrangements. The expected dates are counted by hand
 * from the State Council notices (2024 National Day: Oct 1–7 off, Sun Sep 29 and Sat Oct 12 worked;
 * 2026 New Year: Jan 1–3 off, Sun Jan 4 worked).
 */
@SpringBootTest
class TimeLimitsTests {

	@Autowired
	TimeLimits limits;

	private static Case.Handling accepted(LocalDate on, int promisedDays, Integer statutoryDays) {
		Case.Handling h = new Case.Handling();
		h.promisedDays = promisedDays;
		h.statutoryDays = statutoryDays;
		h.acceptedOn = on;
		return h;
	}

	@Test
	void aLimitSpanningNationalDay2024SkipsTheHolidayAndCountsTheMakeUpSunday() {
		Case.Handling h = accepted(LocalDate.of(2024, 9, 27), 5, 20);
		limits.recompute(h);
		// Sun 9/29 (1), Mon 9/30 (2), Oct 1–7 off, 10/8 (3), 10/9 (4), 10/10 (5)
		assertThat(h.promisedDeadline).isEqualTo(LocalDate.of(2024, 10, 10));
		// ... 10/11 (6), Sat 10/12 make-up (7), 10/14 (8) ... 10/30 (20)
		assertThat(h.statutoryDeadline).isEqualTo(LocalDate.of(2024, 10, 30));
		assertThat(h.limitsProvisional).isFalse();
	}

	@Test
	void acceptanceIsDueFiveWorkingDaysAfterReceiptAcrossTheYearEnd() {
		Case.Handling h = new Case.Handling();
		limits.received(h, LocalDate.of(2025, 12, 26));
		// 12/29 (1), 12/30 (2), 12/31 (3), Jan 1–3 off, Sun 1/4 make-up (4), Mon 1/5 (5)
		assertThat(h.acceptanceDue).isEqualTo(LocalDate.of(2026, 1, 5));
	}

	@Test
	void suspendedWorkingDaysAndTheExtensionMoveTheLimits() {
		Case.Handling h = accepted(LocalDate.of(2024, 9, 23), 10, 20);
		Suspension expert = new Suspension(Suspension.Kind.EXPERT_REVIEW, "专家评审", LocalDate.of(2024, 9, 25), null, null, 5);
		// ended on Friday 9/27: Thursday and Friday do not count
		h.suspensions.add(limits.ended(expert, LocalDate.of(2024, 9, 27)));
		limits.recompute(h);
		assertThat(h.suspendedDays).isEqualTo(2);
		// 12 working days after 9/23: 9/24, 25, 26, 27, Sun 29, 30, 10/8, 9, 10, 11, Sat 12, Mon 14
		assertThat(h.promisedDeadline).isEqualTo(LocalDate.of(2024, 10, 14));
		h.extensionDays = TimeLimits.EXTENSION_DAYS;
		h.extended = true;
		limits.recompute(h);
		// ten more: 10/15 … 10/28
		assertThat(h.promisedDeadline).isEqualTo(LocalDate.of(2024, 10, 28));
	}

	@Test
	void aCorrectionBeforeAcceptanceDoesNotMoveTheDecisionLimit() {
		Case.Handling h = accepted(LocalDate.of(2024, 9, 23), 10, null);
		h.suspensions.add(new Suspension(Suspension.Kind.CORRECTION, "补正", LocalDate.of(2024, 9, 10),
				LocalDate.of(2024, 9, 20), null, null));
		limits.recompute(h);
		// Mid-Autumn 2024: Sep 15–17 off, Sat Sep 14 worked: 9/11, 12, 13, 14, 18, 19, 20
		assertThat(h.suspensions.get(0).workingDays()).isEqualTo(7);
		// 9/24, 25, 26, 27, Sun 29, 30, 10/8, 9, 10, 11
		assertThat(h.promisedDeadline).isEqualTo(LocalDate.of(2024, 10, 11));
		// the statutory limit falls back to the promised one when the law gives none
		assertThat(h.statutoryDeadline).isEqualTo(h.promisedDeadline);
	}

	/**
	 * 2027's arrangement is not in the calendar (the suite seeds 2024–2026): the limit is counted on the
	 * statutory holidays of 《全国年节及纪念日放假办法》第二条 (元旦 1 January 2027, a Friday) and marked provisional.
	 */
	@Test
	void aLimitReachingAYearWithoutHolidayArrangementsIsProvisional() {
		Case.Handling h = accepted(LocalDate.of(2026, 12, 21), 20, 20);
		limits.recompute(h);
		assertThat(h.limitsProvisional).isTrue();
		// Dec 22–25 (4), 28–31 (8), Fri 1 Jan off, Jan 4–8 (13), 11–15 (18), 18 (19), 19 (20)
		assertThat(h.promisedDeadline).isEqualTo(LocalDate.of(2027, 1, 19));
		Case.Handling early = accepted(LocalDate.of(2026, 12, 1), 5, 5);
		limits.recompute(early);
		assertThat(early.limitsProvisional).isFalse();
		assertThat(early.promisedDeadline).isEqualTo(LocalDate.of(2026, 12, 8));
	}

	/** A suspension that ends in a provisional year leaves the deadline provisional, not shorter. */
	@Test
	void aSuspensionEndingInAProvisionalYearKeepsTheDeadlineProvisional() {
		Case.Handling h = accepted(LocalDate.of(2026, 12, 1), 20, 20);
		h.suspensions.add(limits.ended(new Suspension(Suspension.Kind.EXPERT_REVIEW, "专家评审", LocalDate.of(2026, 12, 14),
				null, null, 15), LocalDate.of(2027, 1, 8)));
		limits.recompute(h);
		assertThat(h.suspensions.get(0).workingDays()).isEqualTo(18);
		assertThat(h.limitsProvisional).isTrue();
		assertThat(h.promisedDeadline).isAfter(LocalDate.of(2027, 1, 8));
	}

	@Test
	void amberAtTwoWorkingDaysLeftAndRedWhenOverdue() {
		LocalDate deadline = LocalDate.of(2024, 10, 10);
		assertThat(limits.level(LocalDate.of(2024, 9, 27), deadline)).contains(WarningLevel.GREEN);
		assertThat(limits.level(LocalDate.of(2024, 10, 8), deadline)).contains(WarningLevel.AMBER);
		assertThat(limits.level(LocalDate.of(2024, 10, 10), deadline)).contains(WarningLevel.AMBER);
		assertThat(limits.level(LocalDate.of(2024, 10, 11), deadline)).contains(WarningLevel.RED);
	}

	@Test
	void aDeadlinePassedIsRedOnHolidaysAndWeekendsToo() {
		// due Monday 30 September 2024; 1 October is National Day: no working day has passed, but the date has
		assertThat(limits.level(LocalDate.of(2024, 10, 1), LocalDate.of(2024, 9, 30))).contains(WarningLevel.RED);
		// due Friday 18 October 2024, read on Saturday the 19th
		assertThat(limits.level(LocalDate.of(2024, 10, 19), LocalDate.of(2024, 10, 18))).contains(WarningLevel.RED);
		assertThat(limits.level(LocalDate.of(2024, 10, 18), LocalDate.of(2024, 10, 18))).contains(WarningLevel.AMBER);
	}

	/** 《护士执业注册管理办法》第十九条: seven working days from receipt, whenever the case was accepted. */
	@Test
	void aLimitCountedFromReceiptStartsBeforeAcceptance() {
		Case.Handling h = accepted(LocalDate.of(2024, 9, 30), 5, 7);
		h.receivedOn = LocalDate.of(2024, 9, 27);
		h.countFrom = Case.CountFrom.RECEIPT;
		limits.recompute(h);
		// Sun 9/29 make-up (1), 9/30 (2), Oct 1–7 off, 10/8 (3), 10/9 (4), 10/10 (5), 10/11 (6), Sat 10/12 make-up (7)
		assertThat(h.statutoryDeadline).isEqualTo(LocalDate.of(2024, 10, 12));
		assertThat(h.promisedDeadline).isEqualTo(LocalDate.of(2024, 10, 10));
	}

	/**
	 * 《行政许可法》第四十五条 names 听证、招标、拍卖、检验、检测、检疫、鉴定、专家评审; an on-site check is not among them,
	 * so it counts towards the statutory limit, and stops the promised one only where the guide says so.
	 */
	@Test
	void anOnSiteCheckNeverStopsTheStatutoryClock() {
		Suspension check = limits.ended(new Suspension(Suspension.Kind.ONSITE_CHECK, "现场核查", LocalDate.of(2024, 9, 25),
				null, null, 2), LocalDate.of(2024, 9, 27));
		Case.Handling stops = accepted(LocalDate.of(2024, 9, 23), 10, 20);
		stops.onsiteStopsPromised = true;
		stops.suspensions.add(check);
		limits.recompute(stops);
		// promised: 12 working days after 9/23 (as with the expert review above)
		assertThat(stops.promisedDeadline).isEqualTo(LocalDate.of(2024, 10, 14));
		// statutory: 20 working days, the check included: ... 10/11 (10), Sat 10/12 (11), 10/14 ... 10/24 (20)
		assertThat(stops.statutoryDeadline).isEqualTo(LocalDate.of(2024, 10, 24));
		assertThat(stops.suspendedDays).isZero();
		Case.Handling counts = accepted(LocalDate.of(2024, 9, 23), 10, 20);
		counts.suspensions.add(check);
		limits.recompute(counts);
		assertThat(counts.promisedDeadline).isEqualTo(LocalDate.of(2024, 10, 11));
	}

	/** Art. 42: the extension is the rule's, not always ten days. */
	@Test
	void theExtensionIsTheRulesNumberOfDays() {
		Case.Handling h = accepted(LocalDate.of(2024, 9, 23), 10, 30);
		h.extensionDays = 15;
		h.extended = true;
		limits.recompute(h);
		assertThat(h.promisedDeadline).isEqualTo(LocalDate.of(2024, 10, 31));
	}
}
