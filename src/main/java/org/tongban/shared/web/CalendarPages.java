package org.tongban.shared.web;

import java.security.Principal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.tongban.shared.CalendarManagement;
import org.tongban.shared.CalendarYear;
import org.tongban.shared.FieldMessage;
import org.tongban.shared.Problem;
import org.tongban.shared.SpecialDay;
import org.tongban.shared.WorkingDayCalendar;

/** The administrator's pages for entering each year's holiday arrangement and trying the count. */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class CalendarPages {

	private final CalendarManagement management;
	private final WorkingDayCalendar calendar;
	private final Clock clock;

	CalendarPages(CalendarManagement management, WorkingDayCalendar calendar, Clock clock) {
		this.management = management;
		this.calendar = calendar;
		this.clock = clock;
	}

	/** A row of the years table. */
	record YearRow(int year, String source, String enteredBy, Instant enteredAt, long offDays,
			long workDays) {

		static YearRow of(CalendarYear y) {
			return new YearRow(y.year(), y.source(), y.enteredBy(), y.enteredAt(),
					y.days().stream().filter(d -> d.kind() == SpecialDay.Kind.OFF).count(),
					y.days().stream().filter(d -> d.kind() == SpecialDay.Kind.WORK).count());
		}
	}

	/** What the edit form shows: the text as typed and the complaints per field. */
	record YearForm(String source, String lines, Map<String, List<String>> errors) {

		public List<String> errorsFor(String field) {
			return errors.getOrDefault(field, List.of());
		}

		public boolean hasErrors(String field) {
			return errors.containsKey(field);
		}
	}

	/** A year not entered yet, with the statutory days off the product assumes for it meanwhile. */
	record ProvisionalYear(int year, List<CalendarApi.DayView> days) {
	}

	/** The "try it" box: what was asked and either the answer (provisional or not) or why there is none. */
	record Trial(String from, String days, String answer, String answerWeekday, boolean provisional,
			Map<String, List<String>> errors, String refusal) {

		public List<String> errorsFor(String field) {
			return errors.getOrDefault(field, List.of());
		}

		public boolean hasErrors(String field) {
			return errors.containsKey(field);
		}
	}

	@GetMapping("/admin/calendar")
	String years(@RequestParam(required = false) String year, Model model) {
		if (year != null && !year.isBlank()) {
			return "redirect:/admin/calendar/" + parseYear(year);
		}
		List<CalendarYear> years = management.years();
		int next = LocalDate.now(clock).getYear() + 1;
		model.addAttribute("years", years.stream().map(YearRow::of).toList());
		model.addAttribute("nextYear", next);
		model.addAttribute("nextYearMissing", years.stream().noneMatch(y -> y.year() == next));
		// the years deadlines can reach now: the past and current ones still missing, and next year
		List<ProvisionalYear> provisional = new ArrayList<>();
		for (int y = WorkingDayCalendar.FIRST_PROVISIONAL_YEAR; y <= next; y++) {
			if (calendar.isProvisional(y)) {
				provisional.add(provisionalYear(y));
			}
		}
		model.addAttribute("provisionalYears", provisional);
		return "shared/calendar-years";
	}

	@GetMapping("/admin/calendar/{year}")
	String year(@PathVariable int year, @RequestParam(required = false) String from,
			@RequestParam(required = false) String days, @RequestParam(required = false) String saved, Model model) {
		CalendarManagement.checkYear(year);
		Optional<CalendarYear> entered = management.year(year);
		model.addAttribute("form", new YearForm(entered.map(CalendarYear::source)
				.orElse("国务院办公厅关于" + year + "年部分节假日安排的通知"),
				entered.map(y -> SpecialDayParsing.format(y.days())).orElse(""), Map.of()));
		model.addAttribute("saved", saved != null);
		model.addAttribute("trial", trial(from, days, year));
		return page(year, entered, model);
	}

	@PostMapping("/admin/calendar/{year}")
	String save(@PathVariable int year, @RequestParam(required = false) String source,
			@RequestParam(required = false) String lines, Principal principal, Model model,
			HttpServletResponse response) {
		CalendarManagement.checkYear(year);
		SpecialDayParsing.Parsed parsed = SpecialDayParsing.lines(lines, "lines");
		List<FieldMessage> errors = new ArrayList<>(parsed.errors());
		if (errors.isEmpty()) {
			try {
				management.replace(year, source, parsed.days(), principal.getName());
				return "redirect:/admin/calendar/" + year + "?saved";
			}
			catch (Problem problem) {
				if (problem.status() != HttpStatus.BAD_REQUEST) {
					throw problem;
				}
				errors.addAll(onLines(problem.errors(), parsed.lineOfDay()));
			}
		}
		// nothing was saved: show the text as typed, with each complaint next to its field
		response.setStatus(HttpStatus.BAD_REQUEST.value());
		Map<String, List<String>> byField = new LinkedHashMap<>();
		for (FieldMessage e : errors) {
			byField.computeIfAbsent(e.field(), f -> new ArrayList<>()).add(e.message());
		}
		model.addAttribute("form", new YearForm(source, lines, byField));
		model.addAttribute("saved", false);
		model.addAttribute("trial", trial(null, null, year));
		return page(year, management.year(year), model);
	}

	private String page(int year, Optional<CalendarYear> entered, Model model) {
		model.addAttribute("year", year);
		model.addAttribute("entered", entered.orElse(null));
		model.addAttribute("specialDays", entered.map(y -> y.days().stream().map(CalendarApi.DayView::of).toList())
				.orElse(List.of()));
		model.addAttribute("provisional", entered.isEmpty() && calendar.isProvisional(year)
				? provisionalYear(year) : null);
		return "shared/calendar-year";
	}

	private ProvisionalYear provisionalYear(int year) {
		return new ProvisionalYear(year, calendar.provisionalDays(year).stream().map(CalendarApi.DayView::of).toList());
	}

	private Trial trial(String from, String days, int year) {
		if (from == null && days == null) {
			return new Trial(year + "-01-01", "5", null, null, false, Map.of(), null);
		}
		try {
			WorkingDaysQuery query = WorkingDaysQuery.parse(from, days);
			LocalDate answer = calendar.plusWorkingDays(query.from(), query.days());
			return new Trial(from, days, answer.toString(), CalendarViews.weekday(answer),
					calendar.anyProvisional(query.from(), answer), Map.of(), null);
		}
		catch (Problem problem) {
			Map<String, List<String>> byField = new LinkedHashMap<>();
			for (FieldMessage e : problem.errors()) {
				byField.computeIfAbsent(e.field(), f -> new ArrayList<>()).add(e.message());
			}
			return new Trial(from, days, null, null, false, byField, byField.isEmpty() ? problem.detail() : null);
		}
	}

	/** The domain names days by position; people think in the lines they typed. */
	private static List<FieldMessage> onLines(List<FieldMessage> errors, List<Integer> lineOfDay) {
		List<FieldMessage> mapped = new ArrayList<>();
		for (FieldMessage e : errors) {
			if (e.field().startsWith("days[")) {
				int index = Integer.parseInt(e.field().substring(5, e.field().indexOf(']')));
				mapped.add(new FieldMessage("lines", "第 " + lineOfDay.get(index) + " 行：" + e.message()));
			}
			else if (e.field().equals("days")) {
				mapped.add(new FieldMessage("lines", e.message()));
			}
			else {
				mapped.add(e);
			}
		}
		return mapped;
	}

	private static int parseYear(String text) {
		try {
			int year = Integer.parseInt(text.strip());
			CalendarManagement.checkYear(year);
			return year;
		}
		catch (NumberFormatException ex) {
			throw Problem.invalid("year", "年份须为四位数字，如 2027");
		}
	}
}
