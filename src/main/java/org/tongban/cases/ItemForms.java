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

	/** The sample values the definition gives (what the demo data fills in), by field name, in the form's order. */
	static Map<String, String> samples(List<FormField> fields) {
		Map<String, String> values = new LinkedHashMap<>();
		fields.stream().filter(f -> f.sample() != null && !f.sample().isBlank()).forEach(f -> values.put(f.name(), f.sample()));
		return values;
	}

	/** The JSON Schema of a definition; {@code complete} adds its required fields. */
	static ObjectNode schema(List<FormField> fields, boolean complete) {
		ObjectNode schema = NODES.objectNode();
		schema.put("$schema", "https://json-schema.org/draft/2020-12/schema");
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
			}
			if (complete && f.isRequired()) {
				required.add(f.name());
			}
		}
		return schema;
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
		Map<String, String> wrong = new LinkedHashMap<>();
		for (Error e : schema.validate(instance(fields, form))) {
			String name = "required".equals(e.getKeyword()) ? e.getProperty() : last(e);
			FormField f = byName.get(name);
			if (f != null) {
				wrong.putIfAbsent(name, message(f, e));
			}
		}
		for (FormField f : fields) {
			String value = value(form, f.name());
			if (value == null || wrong.containsKey(f.name())) {
				continue;
			}
			checked(f, value).ifPresent(m -> wrong.put(f.name(), m));
		}
		List<FieldMessage> errors = new ArrayList<>();
		// in the order of the form, so the messages read top to bottom as the fields do
		fields.stream().filter(f -> wrong.containsKey(f.name()))
				.forEach(f -> errors.add(new FieldMessage("form." + f.name(), wrong.get(f.name()))));
		return errors;
	}

	/** The form as JSON for the schema: blank fields left out, numbers as numbers when they read as one. */
	private static ObjectNode instance(List<FormField> fields, Map<String, String> form) {
		ObjectNode node = NODES.objectNode();
		for (FormField f : fields) {
			String value = value(form, f.name());
			if (value == null) {
				continue;
			}
			if (f.fieldType() == FormFieldType.NUMBER) {
				try {
					node.put(f.name(), new BigDecimal(value));
					continue;
				}
				catch (NumberFormatException ex) {
					// left as text: the schema names it as the wrong type
				}
			}
			node.put(f.name(), f.fieldType() == FormFieldType.ID_NUMBER || f.fieldType() == FormFieldType.USCC
					? value.toUpperCase(java.util.Locale.ROOT) : value);
		}
		return node;
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

	private static String message(FormField f, Error e) {
		String label = "“" + f.label() + "”";
		return switch (e.getKeyword()) {
			case "required" -> "请填写" + label + "。";
			case "type" -> label + "应填写" + f.fieldType().label() + "。";
			case "minimum" -> label + "不能小于 " + f.min().toPlainString() + "。";
			case "maximum" -> label + "不能大于 " + f.max().toPlainString() + "。";
			case "maxLength" -> label + "不能超过 " + limit(f, f.fieldType() == FormFieldType.ADDRESS ? DEFAULT_ADDRESS
					: DEFAULT_TEXT) + " 字。";
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

	private record Key(List<FormField> fields, boolean complete) {
	}

	private static String last(Error e) {
		var at = e.getInstanceLocation();
		return at == null || at.getNameCount() == 0 ? null : String.valueOf(at.getElement(at.getNameCount() - 1));
	}

	private static int limit(FormField f, int otherwise) {
		return f.maxLength() != null ? f.maxLength() : otherwise;
	}

	private static String value(Map<String, String> form, String name) {
		String v = form.get(name);
		return v == null || v.isBlank() ? null : v.strip();
	}
}
