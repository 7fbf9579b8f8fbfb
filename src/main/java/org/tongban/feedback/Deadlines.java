package org.tongban.feedback;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

import org.springframework.stereotype.Component;
import org.tongban.cases.WarningLevel;
import org.tongban.shared.WorkingDayCalendar;

/**
 * The working-day dates of feedback's tasks (rectifications and 办不成事 tickets) and how close one is: RED past its
 * date, AMBER with one working day or less left, GREEN otherwise. Today is Shanghai's day on the injected clock.
 */
@Component
class Deadlines {

	private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	private final WorkingDayCalendar calendar;
	private final Clock clock;

	Deadlines(WorkingDayCalendar calendar, Clock clock) {
		this.calendar = calendar;
		this.clock = clock;
	}

	LocalDate today() {
		return LocalDate.now(clock.withZone(SHANGHAI));
	}

	/** The date {@code workingDays} working days after today. */
	LocalDate in(int workingDays) {
		return calendar.plusWorkingDays(today(), workingDays);
	}

	/** The warning for a task bound to {@code due}; null when it is bound to no date. */
	WarningLevel warning(LocalDate due) {
		if (due == null) {
			return null;
		}
		LocalDate today = today();
		if (today.isAfter(due)) {
			return WarningLevel.RED;
		}
		return calendar.workingDaysBetween(today, due) <= 1 ? WarningLevel.AMBER : WarningLevel.GREEN;
	}
}
