package org.tongban.cases.web;

import java.util.List;
import java.util.function.Function;

import org.tongban.catalogue.FormFieldType;
import org.tongban.catalogue.GuideContent.FormField;

/**
 * A field of an item's application form as the pages render it: the input that fits its type, its limits for the
 * browser (the server checks them again) and the value to show.
 */
public record ItemFormField(String name, String label, String type, boolean required, int limit, String min,
		String max, List<String> choices, String hint, String value) {

	static List<ItemFormField> of(List<FormField> fields, Function<String, String> values) {
		return fields.stream().map(f -> {
			FormFieldType t = f.fieldType();
			int limit = f.maxLength() != null ? f.maxLength() : switch (t) {
				case ADDRESS -> 200;
				case ID_NUMBER, USCC -> 18;
				case PHONE -> 20;
				case DATE -> 10;
				case NUMBER -> 20;
				default -> 2000;
			};
			String value = values.apply(f.name());
			return new ItemFormField(f.name(), f.label(), t.name(), f.isRequired(), limit,
					f.min() == null ? null : f.min().toPlainString(), f.max() == null ? null : f.max().toPlainString(),
					f.choices() == null ? List.of() : f.choices(), f.hint(), value == null ? "" : value);
		}).toList();
	}

	/** The HTML input type: the browser's own date picker, number and phone keypads. */
	public String inputType() {
		return switch (type) {
			case "NUMBER" -> "number";
			case "DATE" -> "date";
			case "PHONE" -> "tel";
			default -> "text";
		};
	}

	/** Long text gets a text area. */
	public boolean multiline() {
		return "TEXT".equals(type) && limit > 200;
	}

	public boolean choice() {
		return "CHOICE".equals(type);
	}

	/** What the field expects, read out with it: the type's format and the limits. */
	public String format() {
		return switch (type) {
			case "DATE" -> "日期，如 2026-12-06";
			case "ID_NUMBER" -> "18 位居民身份证号码";
			case "USCC" -> "18 位统一社会信用代码";
			case "PHONE" -> "手机号，或带区号的座机号";
			case "NUMBER" -> "数字" + (min != null && max != null ? "，" + min + "–" + max
					: min != null ? "，不小于 " + min : max != null ? "，不大于 " + max : "");
			case "TEXT", "ADDRESS" -> "不超过 " + limit + " 字";
			default -> null;
		};
	}
}
