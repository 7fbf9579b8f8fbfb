package org.tongban.cases;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.tongban.shared.Problem;
import org.tongban.shared.WorkingDayCalendar;

/**
 * Time limits in working days (行政许可法 art. 32, 42, 45). Every limit is derived again from what happened
 * (received, accepted, suspensions, extension), never shifted in place, so a limit that reached a year
 * whose holidays are not yet published is computed on the provisional calendar, marked provisional, and
 * computed again once they are entered ({@code limitsProvisional}).
 *
 * <p>The decision limits count from acceptance (art. 42) or, where the item's own regulation says so, from
 * receipt of the complete application. Only the procedures art. 45 names (听证、招标、拍卖、检验、检测、检疫、鉴定、
 * 专家评审) are left out of the statutory limit; an on-site check counts towards it, and is left out of the
 * promised limit only where the guide says so. A correction before acceptance moves the receipt (art. 32),
 * not the decision limit.
 */
@Component
class TimeLimits {

	/** Art. 32: decide on acceptance within five working days of receipt, or the case is deemed accepted. */
	static final int ACCEPTANCE_DAYS = 5;

	/** Art. 42: one extension of ten working days on its twenty-day limit, approved by the head of the authority. */
	static final int EXTENSION_DAYS = 10;

	/** Art. 42's own limit: items whose limit is another law's take their extension rule from their guide. */
	static final int ARTICLE_42_DAYS = 20;

	/** Amber when this many working days or fewer are left. */
	static final int AMBER_DAYS = 2;

	private final WorkingDayCalendar calendar;

	/** Without a period in the guide, the commitment is verified within this many working days of the grant. */
	private final int verificationWorkingDays;
	/** How long the holder has to state their case against an intended revocation (the law sets no period). */
	private final int statementWorkingDays;

	TimeLimits(WorkingDayCalendar calendar,
			@Value("${tongban.cases.post-verification-working-days:20}") int verificationWorkingDays,
			@Value("${tongban.cases.statement-working-days:5}") int statementWorkingDays) {
		this.verificationWorkingDays = verificationWorkingDays;
		this.statementWorkingDays = statementWorkingDays;
		this.calendar = calendar;
	}

	void received(Case.Handling h, LocalDate on) {
		h.receivedOn = on;
		recompute(h);
	}

	void accepted(Case.Handling h, LocalDate on) {
		h.acceptedOn = on;
		recompute(h);
	}

	/** Ends an open suspension on {@code on}; its working days stop counting. */
	Suspension ended(Suspension open, LocalDate on) {
		Integer days = count(() -> calendar.workingDaysBetween(open.startedOn(), on)).orElse(null);
		return new Suspension(open.kind(), open.reason(), open.startedOn(), on, days, open.expectedDays());
	}

	/**
	 * Derives every limit from the facts. A limit counted over a year whose arrangement is not published yet
	 * uses the provisional calendar and marks the case provisional (预计); a suspension counted over such a
	 * year does too, so its deadline is never silently shorter than the published calendar will make it.
	 */
	void recompute(Case.Handling h) {
		recompute(h, false);
	}

	/**
	 * As {@link #recompute(Case.Handling)}; {@code recount} counts ended suspensions again too, after the
	 * calendar of a year they span has changed.
	 */
	void recompute(Case.Handling h, boolean recount) {
		boolean pending = false;
		for (int i = 0; i < h.suspensions.size(); i++) {
			Suspension s = h.suspensions.get(i);
			if (!s.open() && (recount || s.workingDays() == null)) {
				Suspension counted = ended(s, s.endedOn());
				h.suspensions.set(i, counted);
				h.suspensionsChanged = true;
				pending |= counted.workingDays() == null;
			}
		}
		if (h.receivedOn != null && h.acceptedOn == null) {
			h.acceptanceDue = plus(h.receivedOn, ACCEPTANCE_DAYS).orElse(null);
			pending |= h.acceptanceDue == null;
		}
		if (h.acceptedOn != null) {
			int statutoryStop = stopped(h, s -> s.kind().stopsStatutoryClock());
			int promisedStop = stopped(h, s -> s.kind().stopsStatutoryClock()
					|| s.kind() == Suspension.Kind.ONSITE_CHECK && h.onsiteStopsPromised);
			h.suspendedDays = statutoryStop;
			int extension = h.extended ? h.extensionDays : 0;
			int promised = h.promisedDays == null ? 0 : h.promisedDays;
			int statutory = h.statutoryDays == null ? promised : h.statutoryDays;
			LocalDate start = h.countFrom == Case.CountFrom.RECEIPT && h.receivedOn != null ? h.receivedOn : h.acceptedOn;
			h.promisedDeadline = plus(start, promised + promisedStop + extension).orElse(null);
			h.statutoryDeadline = plus(start, statutory + statutoryStop + extension).orElse(null);
			pending |= h.promisedDeadline == null || h.statutoryDeadline == null;
		}
		h.limitsProvisional = pending || provisional(h);
	}

	/**
	 * Whether the span the case's limits were counted over (receipt to the last deadline, suspensions
	 * included) touches a provisional year: one look at the calendar.
	 */
	private boolean provisional(Case.Handling h) {
		List<LocalDate> dates = new ArrayList<>();
		for (Suspension s : h.suspensions) {
			dates.add(s.startedOn());
			dates.add(s.endedOn());
		}
		Collections.addAll(dates, h.receivedOn, h.acceptanceDue, h.acceptedOn, h.promisedDeadline,
				h.statutoryDeadline, h.verificationDue, h.statementDue);
		dates.removeIf(Objects::isNull);
		if (dates.isEmpty()) {
			return false;
		}
		return calendar.anyProvisional(Collections.min(dates), Collections.max(dates));
	}

	/** Working days left until {@code deadline} counted from {@code today}; negative when overdue. */
	Optional<Integer> left(LocalDate today, LocalDate deadline) {
		return deadline == null ? Optional.empty() : count(() -> calendar.workingDaysBetween(today, deadline));
	}

	/**
	 * GREEN, AMBER (two working days or fewer left) or RED (the deadline has passed, on any day: a weekend or
	 * holiday after it is as late as a working day); empty without a deadline.
	 */
	Optional<WarningLevel> level(LocalDate today, LocalDate deadline) {
		if (deadline == null) {
			return Optional.empty();
		}
		if (today.isAfter(deadline)) {
			return Optional.of(WarningLevel.RED);
		}
		return left(today, deadline).map(days -> days <= AMBER_DAYS ? WarningLevel.AMBER : WarningLevel.GREEN);
	}

	/**
	 * The level of the case's running clocks: acceptance before acceptance; after it the promised and the
	 * statutory limit, each while its clock runs; the post-verification of a grant on commitment.
	 */
	Optional<WarningLevel> level(LocalDate today, Case c) {
		Case.Handling h = c.handling;
		return switch (c.status()) {
			case SUBMITTED -> level(today, h.acceptanceDue);
			case UNDER_REVIEW, SUSPENDED -> Optional.ofNullable(WarningLevel.worst(
					h.promisedClockRunning() ? level(today, h.promisedDeadline).orElse(null) : null,
					h.statutoryClockRunning() ? level(today, h.statutoryDeadline).orElse(null) : null));
			case GRANTED -> h.step == Step.POST_VERIFY ? level(today, h.verificationDue) : Optional.empty();
			default -> Optional.empty();
		};
	}

	/** Whether the statutory limit of a case being decided has passed (escalated beyond the division). */
	boolean statutoryOverdue(LocalDate today, Case c) {
		Case.Handling h = c.handling;
		return (c.status() == CaseStatus.UNDER_REVIEW || c.status() == CaseStatus.SUSPENDED)
				&& h.statutoryDeadline != null && today.isAfter(h.statutoryDeadline);
	}

	private static int stopped(Case.Handling h, java.util.function.Predicate<Suspension> counts) {
		return h.suspensions.stream().filter(s -> s.workingDays() != null && counts.test(s))
				.mapToInt(Suspension::workingDays).sum();
	}

	/**
	 * The post-verification date of a grant on commitment: {@code days} calendar days after the grant as the
	 * guide sets it, moved to the next working day when it falls on a rest day (《民法典》第二百零三条); without
	 * a period in the guide, the configured working days. Empty when a year's holidays are missing.
	 */
	Optional<LocalDate> verificationDue(LocalDate granted, Integer days) {
		if (days == null) {
			return plus(granted, verificationWorkingDays);
		}
		return count(() -> {
			LocalDate due = granted.plusDays(days);
			while (!calendar.isWorkingDay(due)) {
				due = due.plusDays(1);
			}
			return due;
		});
	}

	/** Until when the holder told of an intended revocation on {@code noticedOn} may state their case. */
	Optional<LocalDate> statementDue(LocalDate noticedOn) {
		return plus(noticedOn, statementWorkingDays);
	}

	/** Empty when the count reaches a year whose holidays are not entered yet. */
	Optional<LocalDate> plus(LocalDate from, int days) {
		return count(() -> calendar.plusWorkingDays(from, days));
	}

	private static <T> Optional<T> count(java.util.function.Supplier<T> counting) {
		try {
			return Optional.of(counting.get());
		}
		catch (Problem p) {
			if (WorkingDayCalendar.YEAR_MISSING.equals(p.type())) {
				return Optional.empty();
			}
			throw p;
		}
	}
}
