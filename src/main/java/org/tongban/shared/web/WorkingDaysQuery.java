package org.tongban.shared.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.tongban.shared.FieldMessage;
import org.tongban.shared.Problem;

/**
 * "N working days after a date" as typed by a person or a script. Parsed by hand rather than bound by
 * Spring so that every mistake gets its own Chinese message, and all of them at once.
 */
record WorkingDaysQuery(LocalDate from, int days) {

	/** Ten years of working days is far beyond any time limit in law; more is a typing mistake. */
	static final int MAX_DAYS = 3650;

	static WorkingDaysQuery parse(String from, String days) {
		List<FieldMessage> errors = new ArrayList<>();
		LocalDate date = null;
		if (from == null || from.isBlank()) {
			errors.add(new FieldMessage("from", "请填写起算日期（格式 YYYY-MM-DD，如 2024-09-30）"));
		}
		else {
			date = SpecialDayParsing.date(from.strip());
			if (date == null) {
				errors.add(new FieldMessage("from", "起算日期“" + from.strip() + "”不是 YYYY-MM-DD 格式的真实日期"));
			}
		}
		Integer n = null;
		if (days == null || days.isBlank()) {
			errors.add(new FieldMessage("days", "请填写工作日数"));
		}
		else {
			try {
				n = Integer.valueOf(days.strip());
			}
			catch (NumberFormatException ex) {
				errors.add(new FieldMessage("days", "工作日数须为整数"));
			}
			if (n != null && (n < 0 || n > MAX_DAYS)) {
				errors.add(new FieldMessage("days", "工作日数须在 0–" + MAX_DAYS + " 之间"));
			}
		}
		if (!errors.isEmpty()) {
			throw Problem.invalid(errors);
		}
		return new WorkingDaysQuery(date, n);
	}
}
