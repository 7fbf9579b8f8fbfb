package org.tongban.cases;

import java.time.LocalDate;
import java.util.Optional;

import org.springframework.stereotype.Component;
import org.tongban.shared.Problem;
import org.tongban.shared.WorkingDayCalendar;

/**
 * Time limits in working days (行政许可法 art. 32, 42, 45). Every limit is derived again from what happened
 * (received, accepted, suspensions, extension), never shifted in place, so a limit that reached a year
 * whose holidays were not yet entered is simply computed once they are ({@code limitsPending}).
 */
@Component
class TimeLimits {

	/** Art. 32: decide on acceptance within five working days of receipt, or the case is deemed accepted. */
	static final int ACCEPTANCE_DAYS = 5;

	/** Art. 42: one extension of ten working days, approved by the head of the authority. */
	static final int EXTENSION_DAYS = 10;

	/** Amber when this many working days or fewer are left. */
	static final int AMBER_DAYS = 2;

	private final WorkingDayCalendar calendar;

	TimeLimits(WorkingDayCalendar calendar) {
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
		return new Suspension(open.kind(), open.reason(), open.startedOn(), on, days);
	}

	/** Derives every limit from the facts; marks the case pending when a year's holidays are missing. */
	void recompute(Case.Handling h) {
		boolean pending = false;
		for (int i = 0; i < h.suspensions.size(); i++) {
			Suspension s = h.suspensions.get(i);
			if (!s.open() && s.workingDays() == null) {
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
			int stopped = h.suspensions.stream()
					.filter(s -> s.kind() != Suspension.Kind.CORRECTION && s.workingDays() != null)
					.mapToInt(Suspension::workingDays).sum();
			h.suspendedDays = stopped;
			int extra = stopped + (h.extended ? EXTENSION_DAYS : 0);
			int promised = h.promisedDays == null ? 0 : h.promisedDays;
			int statutory = h.statutoryDays == null ? promised : h.statutoryDays;
			h.promisedDeadline = plus(h.acceptedOn, promised + extra).orElse(null);
			h.statutoryDeadline = plus(h.acceptedOn, statutory + extra).orElse(null);
			pending |= h.promisedDeadline == null || h.statutoryDeadline == null;
		}
		h.limitsPending = pending;
	}

	/** Working days left until {@code deadline} counted from {@code today}; negative when overdue. */
	Optional<Integer> left(LocalDate today, LocalDate deadline) {
		return deadline == null ? Optional.empty() : count(() -> calendar.workingDaysBetween(today, deadline));
	}

	/** GREEN, AMBER (two working days or fewer left) or RED (overdue); empty when no clock runs. */
	Optional<String> level(LocalDate today, LocalDate deadline) {
		return left(today, deadline).map(days -> days < 0 ? "RED" : days <= AMBER_DAYS ? "AMBER" : "GREEN");
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
