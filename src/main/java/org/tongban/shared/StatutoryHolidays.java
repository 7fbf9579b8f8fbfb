package org.tongban.shared;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import cn.hutool.core.date.ChineseDate;
import cn.hutool.core.date.chinese.SolarTerms;

/**
 * The rest days that 《全国年节及纪念日放假办法》 第二条 (as amended in 2024, in force from 1 January 2025) gives
 * every citizen, without the State Council's yearly shifting of days into bridges and make-up working days,
 * which nobody can know before the notice is published. The lunar dates and the solar term come from hutool.
 */
final class StatutoryHolidays {

	/** The first year under the amended 办法 (13 statutory days: two more than before, for 除夕 and 1 May's second day). */
	static final int FIRST_YEAR = 2025;

	private StatutoryHolidays() {
	}

	/** The statutory days off of a year from {@link #FIRST_YEAR} on, in date order; a day two holidays share is listed once. */
	static List<SpecialDay> of(int year) {
		if (year < FIRST_YEAR) {
			throw new IllegalArgumentException("the amended 办法 applies from " + FIRST_YEAR + ", not " + year);
		}
		Map<LocalDate, List<String>> names = new TreeMap<>();
		add(names, "元旦", LocalDate.of(year, 1, 1), 1);
		// 除夕 is the day before 正月初一, whether the twelfth month has 29 days or 30
		add(names, "春节", lunar(year, 1, 1).minusDays(1), 4);
		add(names, "清明节", qingming(year), 1);
		add(names, "劳动节", LocalDate.of(year, 5, 1), 2);
		add(names, "端午节", lunar(year, 5, 5), 1);
		add(names, "中秋节", lunar(year, 8, 15), 1);
		add(names, "国庆节", LocalDate.of(year, 10, 1), 3);
		List<SpecialDay> days = new ArrayList<>();
		names.forEach((date, holidays) -> days.add(new SpecialDay(date, SpecialDay.Kind.OFF, String.join("、", holidays))));
		return List.copyOf(days);
	}

	private static void add(Map<LocalDate, List<String>> names, String holiday, LocalDate first, int days) {
		for (int i = 0; i < days; i++) {
			names.computeIfAbsent(first.plusDays(i), d -> new ArrayList<>()).add(holiday);
		}
	}

	/**
	 * The Gregorian date of a day of an ordinary (not leap) lunar month. hutool's three-argument constructor
	 * takes the leap month when the month number equals the year's leap month (2028's 端午 would become
	 * 27 June, a month late), so the leap flag is always given.
	 */
	private static LocalDate lunar(int lunarYear, int month, int day) {
		ChineseDate date = new ChineseDate(lunarYear, month, day, false);
		return LocalDate.of(date.getGregorianYear(), date.getGregorianMonthBase1(), date.getGregorianDay());
	}

	/** The day the solar term 清明 begins, always early in April; looked up by its name rather than by a term index. */
	private static LocalDate qingming(int year) {
		for (int day = 1; day <= 10; day++) {
			LocalDate date = LocalDate.of(year, 4, day);
			if ("清明".equals(SolarTerms.getTerm(date))) {
				return date;
			}
		}
		throw new IllegalStateException("no 清明 found in early April " + year);
	}
}
