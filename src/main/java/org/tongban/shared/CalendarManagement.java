package org.tongban.shared;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Enters and reads the yearly holiday arrangements; every edit is audited with the year before and after and
 * announced as {@link CalendarYearChanged}.
 */
@Service
public class CalendarManagement {

	/** The years an arrangement may be entered for; the table refuses others too. */
	public static final int FIRST_YEAR = 2000;
	public static final int LAST_YEAR = 2099;

	static final int MAX_NAME_LENGTH = 30;
	static final int MAX_SOURCE_LENGTH = 500;

	private final CalendarYears years;
	private final AuditTrail audit;
	private final Clock clock;
	private final ApplicationEventPublisher events;

	CalendarManagement(CalendarYears years, AuditTrail audit, Clock clock, ApplicationEventPublisher events) {
		this.years = years;
		this.audit = audit;
		this.clock = clock;
		this.events = events;
	}

	/** Every entered year, oldest first. */
	public List<CalendarYear> years() {
		return years.all();
	}

	public Optional<CalendarYear> year(int year) {
		return years.byYear(year);
	}

	/**
	 * Replaces a year's special days with those of its published notice (creating the year if new). Nothing
	 * is saved when any day is wrong; the field names of the errors are {@code source} and
	 * {@code days[i].date}, {@code days[i].kind}, {@code days[i].name}. Publishes {@link CalendarYearChanged}.
	 */
	@Transactional
	public CalendarYear replace(int year, String source, List<SpecialDay> days, String enteredBy) {
		checkYear(year);
		List<FieldMessage> errors = new ArrayList<>();
		String notice = source == null ? "" : source.strip();
		if (notice.isEmpty()) {
			errors.add(new FieldMessage("source", "请填写依据的通知（如“国务院办公厅关于" + year + "年部分节假日安排的通知”）"));
		}
		else if (notice.length() > MAX_SOURCE_LENGTH) {
			errors.add(new FieldMessage("source", "依据的通知不超过 " + MAX_SOURCE_LENGTH + " 字"));
		}
		List<SpecialDay> cleaned = new ArrayList<>();
		Map<LocalDate, Integer> seen = new HashMap<>();
		boolean anyOff = false;
		List<SpecialDay> given = days == null ? List.of() : days;
		for (int i = 0; i < given.size(); i++) {
			SpecialDay day = given.get(i);
			String field = "days[" + i + "].";
			LocalDate date = day == null ? null : day.date();
			SpecialDay.Kind kind = day == null ? null : day.kind();
			String name = day == null || day.name() == null ? "" : day.name().strip();
			if (date == null) {
				errors.add(new FieldMessage(field + "date", "请填写日期"));
			}
			else if (date.getYear() != year) {
				errors.add(new FieldMessage(field + "date", date + " 不在 " + year + " 年内"));
			}
			else if (seen.containsKey(date)) {
				errors.add(new FieldMessage(field + "date", date + " 重复，已在第 " + (seen.get(date) + 1) + " 条出现"));
			}
			else {
				seen.put(date, i);
			}
			if (kind == null) {
				errors.add(new FieldMessage(field + "kind", "请注明是放假（休）还是调休上班（班）"));
			}
			else if (kind == SpecialDay.Kind.WORK && date != null && !isWeekend(date)) {
				errors.add(new FieldMessage(field + "kind", date + " 是" + weekday(date) + "，本来就是工作日，调休上班日只能在周六或周日"));
			}
			anyOff |= kind == SpecialDay.Kind.OFF;
			if (name.isEmpty()) {
				errors.add(new FieldMessage(field + "name", "请填写节假日名称（如“春节”）"));
			}
			else if (name.length() > MAX_NAME_LENGTH) {
				errors.add(new FieldMessage(field + "name", "节假日名称不超过 " + MAX_NAME_LENGTH + " 字"));
			}
			cleaned.add(new SpecialDay(date, kind, name));
		}
		if (!anyOff && errors.stream().noneMatch(e -> e.field().startsWith("days"))) {
			errors.add(new FieldMessage("days", "请列出 " + year + " 年的放假日期（每年至少有元旦、春节等法定节假日）"));
		}
		if (!errors.isEmpty()) {
			throw Problem.invalid(errors);
		}
		cleaned.sort(Comparator.comparing(SpecialDay::date));

		years.lockForEdit();
		Optional<CalendarYear> before = years.byYear(year);
		CalendarYear after = new CalendarYear(year, notice, enteredBy, clock.instant(), cleaned);
		years.replace(after);
		years.bumpRevision();
		audit.record("CALENDAR_YEAR_REPLACED", "calendar-year", year, before.map(CalendarManagement::auditState).orElse(null),
				auditState(after));
		// in the transaction, so the event publication registry keeps it for the listeners if the edit commits
		events.publishEvent(new CalendarYearChanged(year));
		return after;
	}

	/** A year outside the range the product supports is not an input error of the days but of the address. */
	public static void checkYear(int year) {
		if (year < FIRST_YEAR || year > LAST_YEAR) {
			throw Problem.invalid("year", "年份须在 " + FIRST_YEAR + "–" + LAST_YEAR + " 之间");
		}
	}

	private static Map<String, Object> auditState(CalendarYear year) {
		Map<String, Object> state = new LinkedHashMap<>();
		state.put("year", year.year());
		state.put("source", year.source());
		state.put("enteredBy", year.enteredBy());
		state.put("days", year.days().stream().map(d -> d.date() + " " + d.name() + " " + d.kind().label()).toList());
		return state;
	}

	private static boolean isWeekend(LocalDate date) {
		return date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
	}

	static String weekday(LocalDate date) {
		return "星期" + "一二三四五六日".charAt(date.getDayOfWeek().getValue() - 1);
	}
}
