package org.tongban.shared;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Counts working days by the published holiday arrangements: a date is a working day when it is Monday
 * to Friday and not a holiday, or when it is a make-up working day. Every statutory time limit in the
 * product counts with this.
 *
 * <p>A year from {@value #FIRST_PROVISIONAL_YEAR} on whose arrangement has not been entered yet is
 * <em>provisional</em>: it counts with the statutory holidays of 《全国年节及纪念日放假办法》 第二条 alone
 * (no make-up working days, no bridges), because the State Council publishes each year's notice only in the
 * autumn before and deadlines must run meanwhile. Callers that show or fix a date ask
 * {@link #anyProvisional} and say so. An earlier year that has not been entered is refused
 * ({@link #YEAR_MISSING}), as is any year after {@link CalendarManagement#LAST_YEAR}.
 *
 * <p>The arrangements are held in memory. Before answering, each transaction (or call outside one) reads one number from
 * {@code shared_calendar_revision} (a primary-key read) and reloads when another edit has committed
 * since, on this instance or any other, so several instances never disagree for longer than a commit.
 * We chose this over a time-to-live, which would let a deadline be computed on stale data, and over
 * LISTEN/NOTIFY, which needs a dedicated connection per instance for a table edited a few times a year.
 */
@Component
public class WorkingDayCalendar {

	/** The {@code type} of the problem raised when counting reaches a year with no arrangement. */
	public static final String YEAR_MISSING = "calendar-year-missing";

	/** The first year a missing arrangement is replaced by a provisional one: the amended 办法 took effect then. */
	public static final int FIRST_PROVISIONAL_YEAR = StatutoryHolidays.FIRST_YEAR;

	/** The key of the snapshot bound to a transaction. */
	private static final Object IN_TRANSACTION = new Object();

	private final CalendarYears years;
	private volatile CalendarSnapshot snapshot;

	WorkingDayCalendar(CalendarYears years) {
		this.years = years;
	}

	/** The date {@code days} working days after {@code from} ({@code from} itself not counted); 0 gives {@code from}. */
	public LocalDate plusWorkingDays(LocalDate from, int days) {
		if (from == null || days < 0) {
			throw new IllegalArgumentException("from must be given and days must not be negative: " + from + ", " + days);
		}
		CalendarSnapshot current = current();
		LocalDate date = from;
		for (int counted = 0; counted < days;) {
			date = date.plusDays(1);
			if (current.isWorkingDay(date)) {
				counted++;
			}
		}
		return date;
	}

	/** Whether people work on that date; refused for a year that is neither entered nor provisional. */
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
		CalendarSnapshot current = current();
		int count = 0;
		for (LocalDate date = from.plusDays(1); !date.isAfter(to); date = date.plusDays(1)) {
			if (current.isWorkingDay(date)) {
				count++;
			}
		}
		return count;
	}

	/** The years whose arrangement has been entered (provisional years are not among them). */
	public Set<Integer> coveredYears() {
		return current().entered();
	}

	/** Whether counts in that year rest on the statutory holidays alone, its arrangement not being entered yet. */
	public boolean isProvisional(int year) {
		return current().isProvisional(year);
	}

	/**
	 * Whether any year from {@code from}'s to {@code to}'s (inclusive, in either order) is provisional: a date
	 * counted between the two rests on an assumption and may move when the notice is entered.
	 */
	public boolean anyProvisional(LocalDate from, LocalDate to) {
		CalendarSnapshot current = current();
		int first = Math.min(from.getYear(), to.getYear());
		int last = Math.max(from.getYear(), to.getYear());
		for (int year = first; year <= last; year++) {
			if (current.isProvisional(year)) {
				return true;
			}
		}
		return false;
	}

	/** The days off assumed for a provisional year, in date order; empty for a year that is not provisional. */
	public List<SpecialDay> provisionalDays(int year) {
		return current().provisionalDays(year);
	}

	/** The refusal every count into an unknown year ends in, for callers that want to check ahead. */
	public static Problem yearMissing(int year) {
		return new Problem(HttpStatus.UNPROCESSABLE_CONTENT, YEAR_MISSING, "工作日历缺少该年度安排", year
				+ " 年的法定节假日安排尚未录入，无法计算工作日，请管理员在国务院办公厅通知发布后录入。", List.of());
	}

	/**
	 * The arrangements to answer from. Inside a transaction the first answer's snapshot serves the rest of it:
	 * one revision read per transaction however many counts it makes (a submission, an acceptance with its three
	 * limits, a recount), and one consistent calendar for all of them. An edit of the calendar drops it
	 * ({@link CalendarYears#bumpRevision}).
	 */
	private CalendarSnapshot current() {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			return latest();
		}
		if (TransactionSynchronizationManager.getResource(IN_TRANSACTION) instanceof CalendarSnapshot bound) {
			return bound;
		}
		CalendarSnapshot latest = latest();
		TransactionSynchronizationManager.bindResource(IN_TRANSACTION, latest);
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCompletion(int status) {
				TransactionSynchronizationManager.unbindResourceIfPossible(IN_TRANSACTION);
			}
		});
		return latest;
	}

	/** Forgets the snapshot bound to the current transaction (after an edit in it). */
	static void forgetInTransaction() {
		TransactionSynchronizationManager.unbindResourceIfPossible(IN_TRANSACTION);
	}

	private CalendarSnapshot latest() {
		long revision = years.revision();
		CalendarSnapshot known = snapshot;
		if (known != null && known.revision() == revision) {
			return known;
		}
		return reload();
	}

	private synchronized CalendarSnapshot reload() {
		// the number first, then the data: an edit committing in between leaves an older number with
		// newer data, which only costs one more reload, never a stale answer
		long revision = years.revision();
		CalendarSnapshot known = snapshot;
		if (known != null && known.revision() == revision) {
			return known;
		}
		CalendarSnapshot loaded = CalendarSnapshot.of(revision, years.all());
		snapshot = loaded;
		return loaded;
	}
}
