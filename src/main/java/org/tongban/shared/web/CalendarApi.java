package org.tongban.shared.web;

import java.security.Principal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.tongban.shared.CalendarManagement;
import org.tongban.shared.CalendarYear;
import org.tongban.shared.FieldMessage;
import org.tongban.shared.Problem;
import org.tongban.shared.SpecialDay;
import org.tongban.shared.WorkingDayCalendar;

/** The working-day calendar over HTTP: the count for anyone, the yearly arrangements for administrators. */
@RestController
class CalendarApi {

	private final WorkingDayCalendar calendar;
	private final CalendarManagement management;

	CalendarApi(WorkingDayCalendar calendar, CalendarManagement management) {
		this.calendar = calendar;
		this.management = management;
	}

	/** {@code provisional}: the count crossed a year whose arrangement is not entered yet, so the date may still move. */
	record WorkingDayAnswer(String date, boolean provisional) {
	}

	record DayView(String date, String kind, String label, String weekday, String name) {

		static DayView of(SpecialDay day) {
			return new DayView(day.date().toString(), day.kind().name(), day.kind().label(),
					CalendarViews.weekday(day.date()), day.name());
		}
	}

	record YearView(int year, String source, String enteredBy, Instant enteredAt, List<DayView> days) {

		static YearView of(CalendarYear year) {
			return new YearView(year.year(), year.source(), year.enteredBy(), year.enteredAt(),
					year.days().stream().map(DayView::of).toList());
		}
	}

	/** What a script sends: the notice and every special day; kind is OFF or WORK (休 and 班 are read too). */
	record YearRequest(String source, List<DayRequest> days) {
	}

	record DayRequest(String date, String kind, String name) {
	}

	/** Public, like the notices themselves: applicants may check a deadline they were given. */
	@GetMapping("/api/calendar/working-days")
	WorkingDayAnswer workingDays(@RequestParam(required = false) String from,
			@RequestParam(required = false) String days) {
		WorkingDaysQuery query = WorkingDaysQuery.parse(from, days);
		LocalDate date = calendar.plusWorkingDays(query.from(), query.days());
		return new WorkingDayAnswer(date.toString(), calendar.anyProvisional(query.from(), date));
	}

	/** Staff who set deadlines may read the arrangements; only administrators change them. */
	@GetMapping("/api/calendar/years")
	@PreAuthorize("isAuthenticated()")
	List<YearView> years() {
		return management.years().stream().map(YearView::of).toList();
	}

	@PutMapping("/api/calendar/years/{year}")
	@PreAuthorize("hasRole('ADMIN')")
	YearView replace(@PathVariable int year, @RequestBody YearRequest request, Principal principal) {
		CalendarManagement.checkYear(year);
		List<FieldMessage> errors = new ArrayList<>();
		List<SpecialDay> days = new ArrayList<>();
		List<DayRequest> given = request.days() == null ? List.of() : request.days();
		for (int i = 0; i < given.size(); i++) {
			DayRequest day = given.get(i);
			if (day == null) {
				errors.add(new FieldMessage("days[" + i + "]", "第 " + (i + 1) + " 条为空"));
				continue;
			}
			LocalDate date = day.date() == null ? null : SpecialDayParsing.date(day.date().strip());
			if (day.date() != null && !day.date().isBlank() && date == null) {
				errors.add(new FieldMessage("days[" + i + "].date", "日期“" + day.date() + "”不是 YYYY-MM-DD 格式的真实日期"));
			}
			SpecialDay.Kind kind = SpecialDayParsing.kind(day.kind());
			if (day.kind() != null && !day.kind().isBlank() && kind == null) {
				errors.add(new FieldMessage("days[" + i + "].kind", "类型应为 OFF（休）或 WORK（班）"));
			}
			days.add(new SpecialDay(date, kind, day.name()));
		}
		if (!errors.isEmpty()) {
			throw Problem.invalid(errors);
		}
		return YearView.of(management.replace(year, request.source(), days, principal.getName()));
	}
}
