package org.tongban.catalogue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import tools.jackson.databind.json.JsonMapper;

/**
 * Compares two guide contents leaf by leaf. Situations are keyed by their code and questions by their id, so
 * that inserting a situation (or a form field or table column, keyed by its name) reads as one added situation, not as every later one changed.
 */
final class GuideDiffer {

	private static final Map<String, String> KEYS = Map.of("situations", "code", "situationQuestions", "id", "form", "name", "columns", "name");

	private GuideDiffer() {
	}

	@SuppressWarnings("unchecked")
	static List<GuideDiff.Change> diff(GuideContent before, GuideContent after, JsonMapper json) {
		Map<String, String> a = new LinkedHashMap<>();
		Map<String, String> b = new LinkedHashMap<>();
		flatten("", json.convertValue(before, Map.class), null, a);
		flatten("", json.convertValue(after, Map.class), null, b);
		Set<String> paths = new LinkedHashSet<>(a.keySet());
		paths.addAll(b.keySet());
		List<GuideDiff.Change> changes = new ArrayList<>();
		for (String path : paths) {
			if (!Objects.equals(a.get(path), b.get(path))) {
				changes.add(new GuideDiff.Change(path, a.get(path), b.get(path)));
			}
		}
		return changes;
	}

	private static void flatten(String path, Object node, String key, Map<String, String> out) {
		if (node instanceof Map<?, ?> map) {
			map.forEach((k, v) -> flatten(path.isEmpty() ? k.toString() : path + "." + k, v, KEYS.get(k.toString()), out));
		}
		else if (node instanceof List<?> list) {
			for (int i = 0; i < list.size(); i++) {
				Object element = list.get(i);
				String label = String.valueOf(i);
				if (key != null && element instanceof Map<?, ?> m && m.get(key) != null) {
					label = m.get(key).toString();
				}
				flatten(path + "[" + label + "]", element, null, out);
			}
		}
		else if (node != null) {
			out.put(path, node.toString());
		}
	}
}
