package org.tongban.shared.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.tongban.shared.FieldMessage;
import org.tongban.shared.SpecialDay;

/**
 * Reads special days as people write them: one per line, {@code 2027-01-01 元旦 休} or
 * {@code 2027-02-07 春节 班}, and a range {@code 2027-02-10~2027-02-17 春节 休} (or 至) for a holiday of several
 * days, as the notices print them.
 */
final class SpecialDayParsing {

	private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
	private static final Pattern RANGE = Pattern.compile("[~～至]");
	/** A range longer than this is a typing mistake, not a holiday. */
	private static final int MAX_RANGE_DAYS = 31;

	/** The days read, the line (from 1) each came from, and the complaints about lines that could not be read. */
	record Parsed(List<SpecialDay> days, List<Integer> lineOfDay, List<FieldMessage> errors) {
	}

	private SpecialDayParsing() {
	}

	/** A strict YYYY-MM-DD date that exists, or null. */
	static LocalDate date(String text) {
		if (text == null || !DATE.matcher(text).matches()) {
			return null;
		}
		try {
			return LocalDate.parse(text);
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	/** 休/OFF/放假 or 班/WORK/上班, or null. */
	static SpecialDay.Kind kind(String text) {
		if (text == null) {
			return null;
		}
		return switch (text.strip().toUpperCase()) {
			case "休", "OFF", "放假", "休息" -> SpecialDay.Kind.OFF;
			case "班", "WORK", "上班", "补班" -> SpecialDay.Kind.WORK;
			default -> null;
		};
	}

	static Parsed lines(String text, String field) {
		List<SpecialDay> days = new ArrayList<>();
		List<Integer> lineOfDay = new ArrayList<>();
		List<FieldMessage> errors = new ArrayList<>();
		String[] lines = text == null ? new String[0] : text.split("\\R");
		for (int i = 0; i < lines.length; i++) {
			int lineNo = i + 1;
			String line = lines[i].strip();
			if (line.isEmpty() || line.startsWith("#")) {
				continue;
			}
			String[] parts = line.split("[\\s\\u3000]+");
			if (parts.length < 3) {
				errors.add(new FieldMessage(field, "第 " + lineNo + " 行应为“日期 名称 休/班”三项，如 2027-01-01 元旦 休"));
				continue;
			}
			String name = String.join(" ", List.of(parts).subList(1, parts.length - 1));
			SpecialDay.Kind kind = kind(parts[parts.length - 1]);
			if (kind == null) {
				errors.add(new FieldMessage(field, "第 " + lineNo + " 行最后一项应为“休”（放假）或“班”（调休上班），而不是“"
						+ parts[parts.length - 1] + "”"));
			}
			String[] ends = RANGE.split(parts[0], -1);
			LocalDate first = date(ends[0]);
			LocalDate last = ends.length == 2 ? date(ends[1]) : first;
			if (ends.length > 2 || first == null || last == null) {
				errors.add(new FieldMessage(field, "第 " + lineNo + " 行的日期“" + parts[0]
						+ "”应为 YYYY-MM-DD 格式的真实日期，或 YYYY-MM-DD~YYYY-MM-DD 表示连续几天"));
				continue;
			}
			if (last.isBefore(first) || first.plusDays(MAX_RANGE_DAYS).isBefore(last)) {
				errors.add(new FieldMessage(field, "第 " + lineNo + " 行的日期范围“" + parts[0] + "”应由早到晚且不超过 "
						+ MAX_RANGE_DAYS + " 天"));
				continue;
			}
			if (kind == null) {
				continue;
			}
			for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
				days.add(new SpecialDay(d, kind, name));
				lineOfDay.add(lineNo);
			}
		}
		return new Parsed(days, lineOfDay, errors);
	}

	/** One line per day, in the format {@link #lines} reads. */
	static String format(List<SpecialDay> days) {
		StringBuilder text = new StringBuilder();
		for (SpecialDay day : days) {
			text.append(day.date()).append(' ').append(day.name()).append(' ').append(day.kind().label()).append('\n');
		}
		return text.toString();
	}
}
