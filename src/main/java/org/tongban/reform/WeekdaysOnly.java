package org.tongban.reform;

import java.time.DayOfWeek;
import java.time.LocalDate;

import org.springframework.stereotype.Component;

// replaced by shared.WorkingDayCalendar when merged
/** Monday to Friday, ignoring public holidays and make-up days: good enough for a warning until the calendar lands. */
@Component
class WeekdaysOnly implements WorkingDays {

	@Override
	public int between(LocalDate from, LocalDate to) {
		int days = 0;
		for (LocalDate d = from.plusDays(1); !d.isAfter(to); d = d.plusDays(1)) {
			if (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY) {
				days++;
			}
		}
		return days;
	}
}
