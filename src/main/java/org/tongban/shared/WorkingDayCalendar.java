package org.tongban.shared;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Counts working days by the published holiday arrangements: a date is a working day when it is Monday
 * to Friday and not a holiday, or when it is a make-up working day. Every statutory time limit in the
 * product counts with this; a year whose arrangement has not been entered is refused, never guessed.
 *
 * <p>The arrangements are held in memory. Before answering, each call reads one number from
 * {@code shared_calendar_revision} (a primary-key read) and reloads when another edit has committed
 * since, on this instance or any other, so several instances never disagree for longer than a commit.
 * We chose this over a time-to-live, which would let a deadline be computed on stale data, and over
 * LISTEN/NOTIFY, which needs a dedicated connection per instance for a table edited a few times a year.
 */
@Component
public class WorkingDayCalendar {

	/** The {@code type} of the problem raised when counting reaches a year with no arrangement. */
	public static final String YEAR_MISSING = "calendar-year-missing";

	private final CalendarYears years;
	private volatile Snapshot snapshot;

	WorkingDayCalendar(CalendarYears years) {
		this.years = years;
	}

	/** The date {@code days} working days after {@code from} ({@code from} itself not counted); 0 gives {@code from}. */
	public LocalDate plusWorkingDays(LocalDate from, int days) {
		if (from == null || days < 0) {
			throw new IllegalArgumentException("from must be given and days must not be negative: " + from + ", " + days);
		}
		Snapshot current = current();
		LocalDate date = from;
		for (int counted = 0; counted < days;) {
			date = date.plusDays(1);
			if (current.isWorkingDay(date)) {
				counted++;
			}
		}
		return date;
	}

	/** Whether people work on that date; refused for a year with no arrangement. */
	public boolean isWorkingDay(LocalDate date) {
		return current().isWorkingDay(date);
	}

	/**
	 * The working days after {@code from} up to and including {@code to}; negative, with the same magnitude
	 * as the other way round, when {@code to} is before {@code from}.
	 */
	public int workingDaysBetween(LocalDate from, LocalDate to) {
		if (to.isBefore(from)) {
			return -workingDaysBetween(to, from);
		}
		Snapshot current = current();
		int count = 0;
		for (LocalDate date = from.plusDays(1); !date.isAfter(to); date = date.plusDays(1)) {
			if (current.isWorkingDay(date)) {
				count++;
			}
		}
		return count;
	}

	/** The years whose arrangement has been entered. */
	public Set<Integer> coveredYears() {
		return current().years();
	}

	/** The refusal every count into an unknown year ends in, for callers that want to check ahead. */
	public static Problem yearMissing(int year) {
		return new Problem(HttpStatus.UNPROCESSABLE_CONTENT, YEAR_MISSING, "工作日历缺少该年度安排", year
				+ " 年的法定节假日安排尚未录入，无法计算工作日，请管理员在国务院办公厅通知发布后录入。", List.of());
	}

	private Snapshot current() {
		long revision = years.revision();
		Snapshot known = snapshot;
		if (known != null && known.revision() == revision) {
			return known;
		}
		return reload();
	}

	private synchronized Snapshot reload() {
		// the number first, then the data: an edit committing in between leaves an older number with
		// newer data, which only costs one more reload, never a stale answer
		long revision = years.revision();
		Snapshot known = snapshot;
		if (known != null && known.revision() == revision) {
			return known;
		}
		List<CalendarYear> all = years.all();
		Snapshot loaded = new Snapshot(revision,
				all.stream().map(CalendarYear::year).collect(Collectors.toCollection(TreeSet::new)),
				all.stream().flatMap(y -> y.days().stream())
						.collect(Collectors.toUnmodifiableMap(SpecialDay::date, SpecialDay::kind)));
		snapshot = loaded;
		return loaded;
	}

	private record Snapshot(long revision, Set<Integer> years, Map<LocalDate, SpecialDay.Kind> special) {

		Snapshot {
			years = Collections.unmodifiableSortedSet(new TreeSet<>(years));
		}

		boolean isWorkingDay(LocalDate date) {
			if (!years.contains(date.getYear())) {
				throw yearMissing(date.getYear());
			}
			SpecialDay.Kind kind = special.get(date);
			if (kind != null) {
				return kind == SpecialDay.Kind.WORK;
			}
			return date.getDayOfWeek() != DayOfWeek.SATURDAY && date.getDayOfWeek() != DayOfWeek.SUNDAY;
		}
	}
}
