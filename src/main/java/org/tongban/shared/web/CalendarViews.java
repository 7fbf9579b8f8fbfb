package org.tongban.shared.web;

import java.time.LocalDate;

/** Small formatting shared by the calendar's API and pages. */
final class CalendarViews {

	private CalendarViews() {
	}

	static String weekday(LocalDate date) {
		return "星期" + "一二三四五六日".charAt(date.getDayOfWeek().getValue() - 1);
	}
}
