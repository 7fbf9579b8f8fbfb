package org.tongban.integrated;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.tongban.integrated.MergedApplication.MergedField;
import org.tongban.shared.FieldMessage;
import org.tongban.shared.ResidentIdNumber;
import org.tongban.shared.UnifiedSocialCreditCode;

/**
 * Checks the integrated form against the merged fields before any sub-case is opened, so the applicant hears of every
 * wrong or missing field at once, named as the integrated form names it ({@code form.<name>}). Each sub-case then
 * checks its own part against its item's form as any case does.
 */
final class IntegratedForm {

	static final Pattern PHONE = Pattern.compile("1[3-9]\\d{9}|0\\d{2,3}-?\\d{7,8}");

	private IntegratedForm() {
	}

	/** The values as text (what cases store), or the errors naming each field. */
	static Map<String, String> check(MergedApplication merged, Map<String, Object> form, List<FieldMessage> errors) {
		Map<String, Object> values = form == null ? Map.of() : form;
		Map<String, String> text = new LinkedHashMap<>();
		for (String name : values.keySet()) {
			if (merged.fields().stream().noneMatch(f -> f.name().equals(name))) {
				errors.add(new FieldMessage("form." + name, "“" + name + "”不是本次综合申请表的栏目。"));
			}
		}
		for (MergedField f : merged.fields()) {
			Object raw = values.get(f.name());
			String field = "form." + f.name();
			if ("table".equals(f.type()) && raw instanceof List<?> rows) {
				raw = tableText(rows);
			}
			if (raw != null && !(raw instanceof String) && !(raw instanceof Number)) {
				errors.add(new FieldMessage(field, "“" + f.label() + "”应填写文字或数字。"));
				continue;
			}
			String v = raw == null ? "" : raw.toString().strip();
			if (v.isEmpty()) {
				if (f.required()) {
					errors.add(new FieldMessage(field, "请填写“" + f.label() + "”。"));
				}
				continue;
			}
			String problem = problem(f, v);
			if (problem != null) {
				errors.add(new FieldMessage(field, problem));
				continue;
			}
			text.put(f.name(), v);
		}
		return text;
	}

	private static String problem(MergedField f, String v) {
		if (f.maxLength() != null && v.length() > f.maxLength()) {
			return "“" + f.label() + "”不能超过 " + f.maxLength() + " 字。";
		}
		String type = f.type() == null ? "text" : f.type();
		switch (type) {
			case "number" -> {
				BigDecimal n;
				try {
					n = new BigDecimal(v);
				}
				catch (NumberFormatException ex) {
					return "“" + f.label() + "”应填写数字。";
				}
				if (f.min() != null && n.compareTo(f.min()) < 0 || f.max() != null && n.compareTo(f.max()) > 0) {
					return "“" + f.label() + "”应在 " + plain(f.min()) + "–" + plain(f.max()) + " 之间。";
				}
			}
			case "date" -> {
				try {
					LocalDate.parse(v);
				}
				catch (DateTimeParseException ex) {
					return "“" + f.label() + "”应为真实的日期，格式如 2026-12-31。";
				}
			}
			case "choice" -> {
				if (f.choices() != null && !f.choices().contains(v)) {
					return "“" + f.label() + "”只能选择：" + String.join("、", f.choices()) + "。";
				}
			}
			case "table" -> {
				if (org.tongban.cases.FormTables.rows(v).isEmpty()) {
					return "“" + f.label() + "”应为表格（每行一项）。";
				}
			}
			case "phone" -> {
				if (!PHONE.matcher(v).matches()) {
					return "“" + f.label() + "”格式不正确：手机号为 11 位数字，座机号须带区号（如 021-68541234）。";
				}
			}
			case "idNumber" -> {
				return ResidentIdNumber.problemWith(v).map(p -> "“" + f.label() + "”" + p).orElse(null);
			}
			case "uscc" -> {
				return UnifiedSocialCreditCode.problemWith(v).map(p -> "“" + f.label() + "”" + p).orElse(null);
			}
			default -> {
			}
		}
		return null;
	}

	/** Rows sent as an array of objects, as the JSON text cases keep a table in; null when they are not objects. */
	@SuppressWarnings("unchecked")
	private static Object tableText(List<?> rows) {
		if (rows.stream().allMatch(r -> r instanceof Map<?, ?>)) {
			return org.tongban.cases.FormTables.text((List<? extends Map<String, ?>>) rows);
		}
		return rows;
	}

	private static String plain(BigDecimal d) {
		return d == null ? "" : d.stripTrailingZeros().toPlainString();
	}
}
