package org.tongban.guidance;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.tongban.catalogue.Catalogue;
import org.tongban.catalogue.Guide;
import org.tongban.catalogue.GuidePublished;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keeps the search index in step with the catalogue: every published guide version is indexed after
 * its transaction commits (through the event publication registry, so a crash loses no publish), and
 * at start-up any item whose indexed version lags the catalogue's is caught up.
 */
@Component
class CatalogueFeed {

	private final GuideSearch search;
	private final Catalogue catalogue;
	private final SearchDocuments store;
	private final JsonMapper json;

	CatalogueFeed(GuideSearch search, Catalogue catalogue, SearchDocuments store, JsonMapper json) {
		this.search = search;
		this.catalogue = catalogue;
		this.store = store;
		this.json = json;
	}

	@ApplicationModuleListener
	void on(GuidePublished published) {
		catalogue.version(published.code(), published.version()).ifPresent(this::index);
	}

	/** Items published before search existed, or while an event was still undelivered. */
	@EventListener(ApplicationReadyEvent.class)
	void catchUp() {
		search.inBackground(() -> catalogue.items(null, null, null).stream()
				.filter(item -> store.version(item.code()) < item.version())
				.forEach(item -> catalogue.published(item.code()).ifPresent(this::index)));
	}

	private void index(Guide guide) {
		search.index(guide.code(), guide.version(), documents(item(guide)));
	}

	/** The guide in the item file's shape: the catalogue's content uses the same field names. */
	@SuppressWarnings("unchecked")
	private Map<String, Object> item(Guide guide) {
		Map<String, Object> item = new LinkedHashMap<>(json.convertValue(guide.content(), Map.class));
		item.put("code", guide.code());
		item.put("type", guide.type().name());
		return item;
	}

	/** The passages of one guide, in the item file's shape: the item, each situation, each situation's materials, each FAQ. */
	@SuppressWarnings("unchecked")
	static List<SearchDocument> documents(Map<String, Object> item) {
		String code = (String) item.get("code");
		String name = (String) item.get("name");
		String type = (String) item.get("type");
		List<String> keywords = strings(item.get("keywords"));
		List<Map<String, Object>> situations = maps(item.get("situations"));
		Map<String, List<String>> labels = labelsBySituation(maps(item.get("situationQuestions")));
		List<SearchDocument> docs = new ArrayList<>();
		List<String> situationNames = situations.stream().map(s -> (String) s.get("name")).toList();
		docs.add(new SearchDocument(code, name, type, null, null, SearchDocument.Kind.ITEM,
				name + "。办理情形：" + String.join("、", situationNames), keywords));
		for (Map<String, Object> s : situations) {
			String sc = (String) s.get("code");
			String sn = (String) s.get("name");
			String text = Objects.toString(s.get("description"), "") + " " + String.join("；", labels.getOrDefault(sc, List.of()));
			docs.add(new SearchDocument(code, name, type, sc, sn, SearchDocument.Kind.SITUATION, text.strip(), List.of()));
			List<String> materials = maps(s.get("materials")).stream().map(m -> (String) m.get("name")).toList();
			if (!materials.isEmpty()) {
				docs.add(new SearchDocument(code, name, type, sc, sn, SearchDocument.Kind.MATERIAL,
						"申请材料：" + String.join("；", materials), List.of()));
			}
		}
		for (Map<String, Object> faq : maps(item.get("faqs"))) {
			docs.add(new SearchDocument(code, name, type, null, null, SearchDocument.Kind.FAQ,
					faq.get("q") + " " + faq.get("a"), List.of()));
		}
		return docs;
	}

	/**
	 * The answers that lead to each situation in the question tree: written in the applicant's words
	 * (换了工作单位…), they are the best colloquial text a guide has.
	 */
	private static Map<String, List<String>> labelsBySituation(List<Map<String, Object>> questions) {
		Map<String, Map<String, Object>> byId = new LinkedHashMap<>();
		questions.forEach(q -> byId.put((String) q.get("id"), q));
		Map<String, List<String>> out = new LinkedHashMap<>();
		if (!questions.isEmpty()) {
			walk(questions.get(0), byId, new ArrayList<>(), out, 0);
		}
		return out;
	}

	private static void walk(Map<String, Object> question, Map<String, Map<String, Object>> byId, List<String> path,
			Map<String, List<String>> out, int depth) {
		if (question == null || depth > 10) {
			return;
		}
		for (Map<String, Object> option : maps(question.get("options"))) {
			String label = (String) option.get("label");
			if (option.get("situation") != null) {
				List<String> l = out.computeIfAbsent((String) option.get("situation"), k -> new ArrayList<>());
				path.stream().filter(p -> !l.contains(p)).forEach(l::add);
				if (!l.contains(label)) {
					l.add(label);
				}
			}
			else if (option.get("next") != null) {
				path.add(label);
				walk(byId.get(option.get("next")), byId, path, out, depth + 1);
				path.remove(path.size() - 1);
			}
		}
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> maps(Object o) {
		return o instanceof List<?> l ? (List<Map<String, Object>>) l : List.of();
	}

	private static List<String> strings(Object o) {
		return o instanceof List<?> l ? l.stream().map(String::valueOf).toList() : List.of();
	}
}
