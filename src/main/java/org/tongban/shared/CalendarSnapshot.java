package org.tongban.shared;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * One reading of the entered arrangements, with every year from {@link StatutoryHolidays#FIRST_YEAR} to
 * {@link CalendarManagement#LAST_YEAR} that has not been entered filled in provisionally from the statutory
 * holidays. Immutable and rebuilt from scratch whenever the entered years change, so an entered year replaces
 * its provisional one at once.
 */
final class CalendarSnapshot {

	private final long revision;
	private final SortedSet<Integer> entered;
	private final SortedMap<Integer, List<SpecialDay>> provisional;
	private final Map<LocalDate, SpecialDay.Kind> special;

	private CalendarSnapshot(long revision, SortedSet<Integer> entered, SortedMap<Integer, List<SpecialDay>> provisional,
			Map<LocalDate, SpecialDay.Kind> special) {
		this.revision = revision;
		this.entered = Collections.unmodifiableSortedSet(entered);
		this.provisional = Collections.unmodifiableSortedMap(provisional);
		this.special = Collections.unmodifiableMap(special);
	}

	static CalendarSnapshot of(long revision, List<CalendarYear> years) {
		SortedSet<Integer> entered = new TreeSet<>();
		Map<LocalDate, SpecialDay.Kind> special = new HashMap<>();
		for (CalendarYear year : years) {
			entered.add(year.year());
			year.days().forEach(d -> special.put(d.date(), d.kind()));
		}
		SortedMap<Integer, List<SpecialDay>> provisional = new TreeMap<>();
		for (int year = StatutoryHolidays.FIRST_YEAR; year <= CalendarManagement.LAST_YEAR; year++) {
			if (!entered.contains(year)) {
				List<SpecialDay> days = StatutoryHolidays.of(year);
				provisional.put(year, days);
				days.forEach(d -> special.put(d.date(), d.kind()));
			}
		}
		return new CalendarSnapshot(revision, entered, provisional, special);
	}

	long revision() {
		return revision;
	}

	SortedSet<Integer> entered() {
		return entered;
	}

	boolean isProvisional(int year) {
		return provisional.containsKey(year);
	}

	List<SpecialDay> provisionalDays(int year) {
		return provisional.getOrDefault(year, List.of());
	}

	/** Refused with {@link WorkingDayCalendar#yearMissing} for a year neither entered nor provisional. */
	boolean isWorkingDay(LocalDate date) {
		int year = date.getYear();
		if (!entered.contains(year) && !provisional.containsKey(year)) {
			throw WorkingDayCalendar.yearMissing(year);
		}
		SpecialDay.Kind kind = special.get(date);
		if (kind != null) {
			return kind == SpecialDay.Kind.WORK;
		}
		return date.getDayOfWeek() != DayOfWeek.SATURDAY && date.getDayOfWeek() != DayOfWeek.SUNDAY;
	}
}
