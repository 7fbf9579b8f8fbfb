package org.tongban.cases.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.tongban.cases.FormTables;
import org.tongban.catalogue.FormFieldType;
import org.tongban.catalogue.GuideContent.FormField;

/**
 * A field of an item's application form as the pages render it: the input that fits its type, its limits for the
 * browser (the server checks them again) and the value to show.
 */
@org.springframework.modulith.NamedInterface("forms")
public record ItemFormField(String name, String label, String type, boolean required, int limit, String min,
		String max, List<String> choices, String hint, String value, List<ItemFormField> columns, List<Row> rows,
		int maxRows) {

	/** Blank rows a table offers beyond those filled in: without script these are all the rows one can add. */
	static final int BLANK_ROWS = 3;

	/** The fields of a form definition, each with the value {@code values} gives for its name. */
	public static List<ItemFormField> of(List<FormField> fields, Function<String, String> values) {
		return fields.stream().map(f -> of(f, values.apply(f.name()))).toList();
	}

	private static ItemFormField of(FormField f, String value) {
		FormFieldType t = f.fieldType();
		int limit = f.maxLength() != null ? f.maxLength() : switch (t) {
			case ADDRESS -> 200;
			case ID_NUMBER, USCC -> 18;
			case PHONE -> 20;
			case DATE -> 10;
			case NUMBER -> 20;
			default -> 2000;
		};
		List<ItemFormField> columns = f.columnsOrNone().stream().map(c -> of(c, null)).toList();
		List<Row> rows = List.of();
		if (t == FormFieldType.TABLE) {
			List<Map<String, String>> filled = FormTables.rows(value).orElse(List.of());
			int least = Math.max(f.minRows() == null ? 0 : f.minRows(), f.isRequired() ? 1 : 0);
			int shown = Math.min(f.rowLimit(), Math.max(least, filled.size() + BLANK_ROWS));
			List<Row> all = new ArrayList<>();
			for (int i = 0; i < Math.max(shown, filled.size()); i++) {
				Map<String, String> cells = i < filled.size() ? filled.get(i) : Map.of();
				all.add(new Row(i, columns.stream().map(c -> cells.getOrDefault(c.name(), "") == null ? ""
						: cells.getOrDefault(c.name(), "")).toList()));
			}
			rows = all;
		}
		return new ItemFormField(f.name(), f.label(), t.name(), f.isRequired(), limit,
				f.min() == null ? null : f.min().toPlainString(), f.max() == null ? null : f.max().toPlainString(),
				f.choices() == null ? List.of() : f.choices(), f.hint(),
				value == null || t == FormFieldType.TABLE ? "" : value, columns, rows, f.rowLimit());
	}

	/**
	 * The form values a page posted: {@code form.<name>} fields, and tables from their cells
	 * ({@code form.<name>[<row>].<column>}) as the JSON text cases keep a table in.
	 */
	public static Map<String, Object> values(Map<String, String> params) {
		return CasePages.formFields(params);
	}

	/** A row of a table as shown: its index (from 0, as the inputs are named) and its cells in column order. */
	public record Row(int index, List<String> cells) {

		/** The row as people count it. */
		public int number() {
			return index + 1;
		}
	}

	public boolean table() {
		return "TABLE".equals(type);
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
			case "TABLE" -> "表格，每行一组，最多 " + maxRows + " 行；整行留空的不计入";
			default -> null;
		};
	}
}
