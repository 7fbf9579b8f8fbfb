package org.tongban.cases;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.tongban.shared.FieldMessage;
import org.tongban.shared.Problem;

/** The application form's fields: text only, bounded, a usable contact phone when submitted. */
final class ApplicationForm {

	static final int MAX_FORM_FIELDS = 100;
	static final int MAX_TEXT = 2000;

	private ApplicationForm() {
	}

	/** A telephone the authority can reach the applicant at: a mainland mobile number or a landline with area code. */
	static final java.util.regex.Pattern PHONE = java.util.regex.Pattern.compile("1[3-9]\\d{9}|0\\d{2,3}-?\\d{7,8}");

	/** Every application names a telephone for the notices of its steps; checked when it is submitted. */
	static void requireContact(Map<String, String> form) {
		String phone = form.get("phone");
		if (phone == null || phone.isBlank()) {
			throw Problem.invalid("form.phone", "请填写联系电话（手机号或带区号的座机号），以便通知办理进度。");
		}
	}

	/** A table's JSON text is longer than a text field may be: 200 rows of a few columns. */
	static final int MAX_TABLE = 100_000;

	/** Form values are text; anything else is named as an error. HTML is kept as typed and escaped on output. */
	static Map<String, String> parse(Map<String, Object> raw) {
		return parse(raw, java.util.Set.of());
	}

	/**
	 * As {@link #parse(Map)}, but the fields named in {@code tables} (the table fields of the item's form) may also
	 * be given as a list of rows (objects), kept as their JSON text ({@link FormTables}).
	 */
	static Map<String, String> parse(Map<String, Object> raw, java.util.Set<String> tables) {
		Map<String, String> form = new LinkedHashMap<>();
		if (raw == null) {
			return form;
		}
		List<FieldMessage> errors = new ArrayList<>();
		if (raw.size() > MAX_FORM_FIELDS) {
			throw Problem.invalid("form", "申请表字段过多（最多 " + MAX_FORM_FIELDS + " 项）。");
		}
		raw.forEach((k, v) -> {
			String field = "form." + k;
			if (k == null || k.isBlank() || k.length() > 64) {
				errors.add(new FieldMessage("form", "申请表字段名应为 1–64 个字符。"));
			}
			else if (v instanceof List<?> rows && tables.contains(k)) {
				if (rows.stream().anyMatch(r -> !(r instanceof Map<?, ?>))) {
					errors.add(new FieldMessage(field, "“" + k + "”应填写表格：每行一组。"));
				}
				else {
					@SuppressWarnings("unchecked")
					List<Map<String, ?>> typed = (List<Map<String, ?>>) rows;
					String text = FormTables.text(typed);
					if (text.length() > MAX_TABLE) {
						errors.add(new FieldMessage(field, "“" + k + "”内容过多。"));
					}
					else {
						form.put(k, text);
					}
				}
			}
			else if (v != null && !(v instanceof String)) {
				errors.add(new FieldMessage(field, "“" + k + "”应填写文字。"));
			}
			else if (v != null && ((String) v).length() > (tables.contains(k) ? MAX_TABLE : MAX_TEXT)) {
				errors.add(new FieldMessage(field, "“" + k + "”不能超过 " + MAX_TEXT + " 字。"));
			}
			else if ("phone".equals(k) && v != null && !((String) v).isBlank() && !PHONE.matcher(((String) v).strip()).matches()) {
				errors.add(new FieldMessage(field, "联系电话格式不正确：手机号为 11 位数字，座机号须带区号（如 021-68541234）。"));
			}
			else if (v != null) {
				form.put(k, (String) v);
			}
		});
		if (!errors.isEmpty()) {
			throw Problem.invalid(errors);
		}
		return form;
	}
}
