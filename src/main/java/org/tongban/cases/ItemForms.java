package org.tongban.cases;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import org.tongban.catalogue.FormFieldType;
import org.tongban.catalogue.GuideContent.FormField;
import org.tongban.shared.FieldMessage;
import org.tongban.shared.ResidentIdNumber;
import org.tongban.shared.UnifiedSocialCreditCode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Checks an application form against the form its guide version defines: a JSON Schema (2020-12) generated from
 * the definition does the types, required fields and limits; the check digits of ID numbers (GB 11643) and
 * USCCs (GB 32100) and real calendar dates are checked after it. Every wrong field is named once, in Chinese,
 * as {@code form.<name>}. A draft is checked without its required fields ({@code complete} false): those are
 * asked for when it is submitted.
 */
final class ItemForms {

	static final int DEFAULT_TEXT = ApplicationForm.MAX_TEXT;
	static final int DEFAULT_ADDRESS = 200;
	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
	private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
	/**
	 * Compiled schemas by definition: a published version never changes, so the same definition recurs for every
	 * application of the item; kept small, as drafts of guides are never validated against.
	 */
	private static final Map<Key, Schema> COMPILED = new java.util.concurrent.ConcurrentHashMap<>();
	private static final int MAX_COMPILED = 500;
	private static final String USCC_SHAPE = "^[0-9A-HJ-NPQRTUWXY]{2}[0-9]{6}[0-9A-HJ-NPQRTUWXY]{10}$";

	private ItemForms() {
	}

	/**
	 * The sample values the definition gives (what the demo data fills in), by field name, in the form's order; a
	 * table's sample is {@code minRows} (at least one) rows of its columns' samples, as its JSON text.
	 */
	static Map<String, String> samples(List<FormField> fields) {
		Map<String, String> values = new LinkedHashMap<>();
		for (FormField f : fields) {
			if (f.fieldType() == FormFieldType.TABLE) {
				ArrayNode rows = NODES.arrayNode();
				int n = Math.max(1, f.minRows() == null ? 0 : f.minRows());
				for (int i = 0; i < n; i++) {
					ObjectNode row = rows.addObject();
					f.columnsOrNone().stream().filter(c -> c.sample() != null && !c.sample().isBlank())
						.forEach(c -> row.put(c.name(), c.sample()));
				}
				if (!rows.get(0).isEmpty()) {
					values.put(f.name(), rows.toString());
				}
			}
			else if (f.sample() != null && !f.sample().isBlank()) {
				values.put(f.name(), f.sample());
			}
		}
		return values;
	}

	/** The names of the definition's table fields. */
	static java.util.Set<String> tables(List<FormField> fields) {
		return fields.stream().filter(f -> f.fieldType() == FormFieldType.TABLE).map(FormField::name)
			.collect(java.util.stream.Collectors.toSet());
	}

	/** The JSON Schema of a definition; {@code complete} adds its required fields. */
	static ObjectNode schema(List<FormField> fields, boolean complete) {
		ObjectNode schema = NODES.objectNode();
		schema.put("$schema", "https://json-schema.org/draft/2020-12/schema");
		properties(schema, fields, complete);
		return schema;
	}

	private static void properties(ObjectNode schema, List<FormField> fields, boolean complete) {
		schema.put("type", "object");
		ObjectNode properties = schema.putObject("properties");
		var required = schema.putArray("required");
		for (FormField f : fields) {
			ObjectNode p = properties.putObject(f.name());
			p.put("title", f.label());
			switch (f.fieldType()) {
				case NUMBER -> {
					p.put("type", "number");
					if (f.min() != null) {
						p.put("minimum", f.min());
					}
					if (f.max() != null) {
						p.put("maximum", f.max());
					}
				}
				case CHOICE -> {
					var values = p.putArray("enum");
					f.choices().forEach(values::add);
				}
				case DATE -> p.put("type", "string").put("pattern", "^[0-9]{4}-[0-9]{2}-[0-9]{2}$");
				case ID_NUMBER -> p.put("type", "string").put("pattern", "^[0-9]{17}[0-9X]$");
				case USCC -> p.put("type", "string").put("pattern", USCC_SHAPE);
				case PHONE -> p.put("type", "string").put("pattern", "^(" + ApplicationForm.PHONE.pattern() + ")$");
				case ADDRESS -> p.put("type", "string").put("maxLength", limit(f, DEFAULT_ADDRESS));
				case TEXT -> p.put("type", "string").put("maxLength", limit(f, DEFAULT_TEXT));
				case TABLE -> {
					// a draft may hold fewer rows than the table asks for, and rows not yet filled in
					p.put("type", "array").put("maxItems", f.rowLimit());
					int least = Math.max(f.minRows() == null ? 0 : f.minRows(), f.isRequired() ? 1 : 0);
					if (complete && least > 0) {
						p.put("minItems", least);
					}
					ObjectNode row = p.putObject("items");
					properties(row, f.columnsOrNone(), complete);
					row.put("additionalProperties", false);
				}
			}
			if (complete && f.isRequired()) {
				required.add(f.name());
			}
		}
	}

	/** What is wrong with the form, field by field; empty when the definition is empty or the form fits it. */
	static List<FieldMessage> check(List<FormField> fields, Map<String, String> form, boolean complete) {
		if (fields.isEmpty()) {
			return List.of();
		}
		Map<String, FormField> byName = new LinkedHashMap<>();
		fields.forEach(f -> byName.put(f.name(), f));
		if (COMPILED.size() > MAX_COMPILED) {
			COMPILED.clear();
		}
		Schema schema = COMPILED.computeIfAbsent(new Key(List.copyOf(fields), complete),
				k -> SCHEMAS.getSchema(schema(k.fields(), k.complete())));
		Map<Where, String> wrong = new java.util.TreeMap<>();
		ObjectNode instance = instance(fields, form, wrong);
		for (Error e : schema.validate(instance)) {
			where(fields, e).ifPresent(w -> wrong.putIfAbsent(w, message(w, e)));
		}
		for (int i = 0; i < fields.size(); i++) {
			FormField f = fields.get(i);
			Where field = new Where(i, -1, -1, f, null, null);
			if (wrong.containsKey(field) || !instance.has(f.name())) {
				continue;
			}
			if (f.fieldType() != FormFieldType.TABLE) {
				checked(f, instance.get(f.name()).asString()).ifPresent(m -> wrong.put(field, m));
				continue;
			}
			var rows = instance.get(f.name());
			for (int r = 0; r < rows.size(); r++) {
				for (int c = 0; c < f.columnsOrNone().size(); c++) {
					FormField column = f.columnsOrNone().get(c);
					Where cell = new Where(i, r, c, f, column, column.name());
					var value = rows.get(r).get(column.name());
					if (value != null && value.isString() && !wrong.containsKey(cell)) {
						checked(column, value.asString()).ifPresent(m -> wrong.put(cell, cell.prefix() + m));
					}
				}
			}
		}
		List<FieldMessage> errors = new ArrayList<>();
		// in the order of the form, row by row, so the messages read top to bottom as the fields do
		wrong.forEach((w, m) -> errors.add(new FieldMessage(w.path(), m)));
		return errors;
	}

	/**
	 * The form as JSON for the schema: blank fields left out, numbers as numbers when they read as one, a table's
	 * rows from its JSON text with their blank cells left out. A table whose text is not rows is named in
	 * {@code wrong}.
	 */
	private static ObjectNode instance(List<FormField> fields, Map<String, String> form, Map<Where, String> wrong) {
		ObjectNode node = NODES.objectNode();
		for (int i = 0; i < fields.size(); i++) {
			FormField f = fields.get(i);
			String value = value(form, f.name());
			if (value == null) {
				continue;
			}
			if (f.fieldType() == FormFieldType.TABLE) {
				Optional<List<Map<String, String>>> rows = FormTables.rows(value);
				if (rows.isEmpty()) {
					wrong.put(new Where(i, -1, -1, f, null, null), "“" + f.label() + "”应填写表格：每行一组"
							+ f.columnsOrNone().stream().map(FormField::label).reduce((a, b) -> a + "、" + b).orElse("") + "。");
					continue;
				}
				if (rows.get().isEmpty()) {
					continue;
				}
				ArrayNode array = node.putArray(f.name());
				for (Map<String, String> cells : rows.get()) {
					ObjectNode row = array.addObject();
					cells.forEach((k, v) -> {
						FormField column = f.columnsOrNone().stream().filter(c -> c.name().equals(k)).findFirst().orElse(null);
						if (v != null && !v.isBlank()) {
							put(row, k, column == null ? FormFieldType.TEXT : column.fieldType(), v.strip());
						}
					});
				}
				continue;
			}
			put(node, f.name(), f.fieldType(), value);
		}
		return node;
	}

	private static void put(ObjectNode node, String name, FormFieldType type, String value) {
		if (type == FormFieldType.NUMBER) {
			try {
				node.put(name, new BigDecimal(value));
				return;
			}
			catch (NumberFormatException ex) {
				// left as text: the schema names it as the wrong type
			}
		}
		node.put(name, type == FormFieldType.ID_NUMBER || type == FormFieldType.USCC
				? value.toUpperCase(java.util.Locale.ROOT) : value);
	}

	/** What only code can check: the check digits and whether a date is on the calendar. */
	private static Optional<String> checked(FormField f, String value) {
		return switch (f.fieldType()) {
			case ID_NUMBER -> ResidentIdNumber.problemWith(value).map(m -> "“" + f.label() + "”有误：" + m + "。");
			case USCC -> UnifiedSocialCreditCode.problemWith(value).map(m -> "“" + f.label() + "”有误：" + m + "。");
			case DATE -> {
				try {
					LocalDate.parse(value);
					yield Optional.empty();
				}
				catch (DateTimeParseException ex) {
					yield Optional.of("“" + f.label() + "”不是有效的日期。");
				}
			}
			default -> Optional.empty();
		};
	}

	/** The field, or the table's row and cell, an error of the schema is about. */
	private static Optional<Where> where(List<FormField> fields, Error e) {
		List<String> at = new ArrayList<>();
		var location = e.getInstanceLocation();
		for (int i = 0; location != null && i < location.getNameCount(); i++) {
			at.add(String.valueOf(location.getElement(i)));
		}
		if (("required".equals(e.getKeyword()) || "additionalProperties".equals(e.getKeyword())) && e.getProperty() != null) {
			at.add(e.getProperty());
		}
		if (at.isEmpty()) {
			return Optional.empty();
		}
		int index = -1;
		for (int i = 0; i < fields.size(); i++) {
			if (fields.get(i).name().equals(at.get(0))) {
				index = i;
			}
		}
		if (index < 0) {
			return Optional.empty();
		}
		FormField f = fields.get(index);
		if (at.size() == 1) {
			return Optional.of(new Where(index, -1, -1, f, null, null));
		}
		int row;
		try {
			row = Integer.parseInt(at.get(1));
		}
		catch (NumberFormatException ex) {
			return Optional.of(new Where(index, -1, -1, f, null, null));
		}
		if (at.size() == 2) {
			return Optional.of(new Where(index, row, -1, f, null, null));
		}
		String name = at.get(2);
		List<FormField> columns = f.columnsOrNone();
		for (int c = 0; c < columns.size(); c++) {
			if (columns.get(c).name().equals(name)) {
				return Optional.of(new Where(index, row, c, f, columns.get(c), name));
			}
		}
		return Optional.of(new Where(index, row, columns.size(), f, null, name));
	}

	private static String message(Where w, Error e) {
		if (w.row() >= 0 && w.column() == null) {
			return w.cellName() != null ? w.prefix() + "没有“" + w.cellName() + "”这一列。"
					: "“" + w.field().label() + "”第 " + (w.row() + 1) + " 行填写有误。";
		}
		FormField f = w.column() != null ? w.column() : w.field();
		return w.prefix() + message(f, e);
	}

	private static String message(FormField f, Error e) {
		String label = "“" + f.label() + "”";
		return switch (e.getKeyword()) {
			case "required" -> "请填写" + label + "。";
			case "type" -> label + "应填写" + f.fieldType().label() + "。";
			case "minimum" -> label + "不能小于 " + f.min().toPlainString() + "。";
			case "maximum" -> label + "不能大于 " + f.max().toPlainString() + "。";
			case "maxLength" -> label + "不能超过 " + limit(f, f.fieldType() == FormFieldType.ADDRESS ? DEFAULT_ADDRESS
					: DEFAULT_TEXT) + " 字。";
			case "minItems" -> label + "至少填写 " + Math.max(1, f.minRows() == null ? 0 : f.minRows()) + " 行。";
			case "maxItems" -> label + "最多填写 " + f.rowLimit() + " 行。";
			case "enum" -> label + "应从下列选项中选择：" + String.join("、", f.choices()) + "。";
			case "pattern" -> switch (f.fieldType()) {
				case DATE -> label + "应为日期，格式为“年-月-日”（如 2026-12-06）。";
				case ID_NUMBER -> label + "应为 18 位居民身份证号码（前 17 位为数字，最后一位为数字或 X）。";
				case USCC -> label + "应为 18 位统一社会信用代码（数字或大写字母，不含 I、O、Z、S、V）。";
				case PHONE -> label + "格式不正确：手机号为 11 位数字，座机号须带区号（如 021-68541234）。";
				default -> label + "格式不正确。";
			};
			default -> label + "填写有误。";
		};
	}

	/**
	 * Where a message belongs: a field ({@code row} -1), or a row of a table and one of its cells ({@code column}
	 * null for a cell the table does not define), ordered as the form reads.
	 */
	private record Where(int index, int row, int columnIndex, FormField field, FormField column, String cellName)
			implements Comparable<Where> {

		String path() {
			return "form." + field.name() + (row < 0 ? "" : "[" + row + "]" + (cellName == null ? "" : "." + cellName));
		}

		/** How a message about a cell begins: the table and the row, counted from one as people count. */
		String prefix() {
			return row < 0 || cellName == null ? "" : "“" + field.label() + "”第 " + (row + 1) + " 行：";
		}

		@Override
		public int compareTo(Where o) {
			int c = Integer.compare(index, o.index);
			c = c != 0 ? c : Integer.compare(row, o.row);
			c = c != 0 ? c : Integer.compare(columnIndex, o.columnIndex);
			return c != 0 ? c : String.valueOf(cellName).compareTo(String.valueOf(o.cellName));
		}

		@Override
		public boolean equals(Object o) {
			return o instanceof Where w && compareTo(w) == 0;
		}

		@Override
		public int hashCode() {
			return java.util.Objects.hash(index, row, columnIndex, cellName);
		}
	}

	private record Key(List<FormField> fields, boolean complete) {
	}

	private static int limit(FormField f, int otherwise) {
		return f.maxLength() != null ? f.maxLength() : otherwise;
	}

	private static String value(Map<String, String> form, String name) {
		String v = form.get(name);
		return v == null || v.isBlank() ? null : v.strip();
	}
}
