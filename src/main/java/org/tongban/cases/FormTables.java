package org.tongban.cases;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * How a table field of an application form (a staff or equipment list) is kept among the form's text values: a
 * JSON array of rows, each an object of the columns' text values ({@code [{"name":"张三","idNumber":"…"}]}).
 * The form stays a map of text, so everything that stores, audits or prints forms keeps working.
 */
@org.springframework.modulith.NamedInterface("api")
public final class FormTables {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private FormTables() {
	}

	/** The rows of a table's text, empty when the text is not an array of objects of plain values. */
	public static Optional<List<Map<String, String>>> rows(String text) {
		if (text == null || text.isBlank()) {
			return Optional.of(List.of());
		}
		JsonNode node;
		try {
			node = JSON.readTree(text);
		}
		catch (JacksonException ex) {
			return Optional.empty();
		}
		if (node == null || !node.isArray()) {
			return Optional.empty();
		}
		List<Map<String, String>> rows = new ArrayList<>();
		for (JsonNode row : node) {
			if (!row.isObject()) {
				return Optional.empty();
			}
			Map<String, String> cells = new LinkedHashMap<>();
			for (var e : row.properties()) {
				JsonNode v = e.getValue();
				if (v.isContainer()) {
					return Optional.empty();
				}
				cells.put(e.getKey(), v.isNull() ? null : v.asString());
			}
			rows.add(cells);
		}
		return Optional.of(rows);
	}

	/** The rows as one line each, for a printed summary: {@code 第 1 行：name：张三，idNumber：…}; the text itself if not rows. */
	public static List<String> lines(String text) {
		return rows(text).map(rows -> {
			List<String> lines = new ArrayList<>();
			for (int i = 0; i < rows.size(); i++) {
				StringBuilder line = new StringBuilder("第 " + (i + 1) + " 行：");
				rows.get(i).forEach((k, v) -> line.append(line.charAt(line.length() - 1) == '：' ? "" : "，")
					.append(k).append("：").append(v == null ? "" : v));
				lines.add(line.toString());
			}
			return lines;
		}).orElse(List.of(text));
	}

	/** The text a table's rows are kept as; rows whose cells are all blank are left out. */
	public static String text(List<? extends Map<String, ?>> rows) {
		ArrayNode array = JsonNodeFactory.instance.arrayNode();
		for (Map<String, ?> cells : rows) {
			ObjectNode row = JsonNodeFactory.instance.objectNode();
			cells.forEach((k, v) -> {
				if (v != null && !String.valueOf(v).isBlank()) {
					row.put(k, String.valueOf(v).strip());
				}
			});
			if (!row.isEmpty()) {
				array.add(row);
			}
		}
		return array.toString();
	}
}
