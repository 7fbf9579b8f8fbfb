package org.tongban.shared;

import java.time.Instant;
import java.util.List;

/** One year's published holiday arrangement as entered, with the notice it came from; days in date order. */
public record CalendarYear(int year, String source, String enteredBy, Instant enteredAt, List<SpecialDay> days) {

	public CalendarYear {
		days = List.copyOf(days);
	}
}
