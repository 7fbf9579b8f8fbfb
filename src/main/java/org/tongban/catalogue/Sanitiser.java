package org.tongban.catalogue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.parser.Parser;
import org.jsoup.safety.Safelist;
import tools.jackson.databind.json.JsonMapper;

/**
 * Guides are plain text: any HTML typed into any field is stripped on save (Jsoup with an empty safelist), and
 * entities are decoded back so that "A &amp; B" stays "A & B". Pages escape on output as always; stripping
 * keeps markup out of the data other modules, exports and outside systems read.
 */
final class Sanitiser {

	private static final Document.OutputSettings PLAIN = new Document.OutputSettings().prettyPrint(false);

	private Sanitiser() {
	}

	@SuppressWarnings("unchecked")
	static GuideContent clean(GuideContent content, JsonMapper json) {
		Map<String, Object> tree = json.convertValue(content, Map.class);
		return json.convertValue(walk(tree), GuideContent.class);
	}

	static String text(String text) {
		if (text == null || text.indexOf('<') < 0 && text.indexOf('&') < 0) {
			return text;
		}
		String out = text;
		// decoding can reveal markup that was typed as entities (&lt;script&gt;): clean until nothing changes
		for (int i = 0; i < 3; i++) {
			String next = Parser.unescapeEntities(Jsoup.clean(out, "", Safelist.none(), PLAIN), false);
			if (next.equals(out)) {
				break;
			}
			out = next;
		}
		return out.strip();
	}

	private static Object walk(Object node) {
		if (node instanceof String s) {
			return text(s);
		}
		if (node instanceof Map<?, ?> map) {
			Map<Object, Object> out = new LinkedHashMap<>();
			map.forEach((k, v) -> out.put(k, walk(v)));
			return out;
		}
		if (node instanceof List<?> list) {
			List<Object> out = new ArrayList<>();
			list.forEach(v -> out.add(walk(v)));
			return out;
		}
		return node;
	}
}
