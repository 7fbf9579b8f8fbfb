package org.tongban.guidance.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The portal's life stages and popular items, read once from data/guidance/life-stages.yml. Kept as
 * data so that the commission can re-sort the front door without a code change; only codes are stored,
 * names come from the catalogue so they never drift from the published guides.
 */
@Component
class LifeStages {

	static final String FILE = "data/guidance/life-stages.yml";

	/** One life stage (人生阶段) and the catalogue items it leads to, in display order. */
	record Stage(String name, String hint, List<String> items) {
	}

	private final List<Stage> stages;
	private final List<String> popular;

	LifeStages() {
		Map<String, Object> root = read();
		this.stages = maps(root.get("stages")).stream()
			.map(m -> new Stage(text(m, "name"), text(m, "hint"), strings(m.get("items"))))
			.toList();
		this.popular = strings(root.get("popular"));
		if (stages.isEmpty() || stages.stream().anyMatch(s -> s.items().isEmpty())) {
			throw new IllegalStateException(FILE + " 有误：每个人生阶段都要有名称和至少一个事项编码");
		}
	}

	List<Stage> stages() {
		return stages;
	}

	List<String> popular() {
		return popular;
	}

	private static Map<String, Object> read() {
		LoaderOptions options = new LoaderOptions();
		options.setAllowDuplicateKeys(false);
		try (InputStream in = new ClassPathResource(FILE).getInputStream()) {
			if (new Yaml(new SafeConstructor(options)).load(in) instanceof Map<?, ?> map) {
				@SuppressWarnings("unchecked")
				Map<String, Object> root = (Map<String, Object>) map;
				return root;
			}
			throw new IllegalStateException(FILE + " 有误：内容不是 YAML 映射");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String text(Map<String, Object> m, String key) {
		Object v = m.get(key);
		if (v == null || v.toString().isBlank()) {
			throw new IllegalStateException(FILE + " 有误：人生阶段缺少 " + key + "：" + m);
		}
		return v.toString();
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> maps(Object o) {
		return o instanceof List<?> l ? (List<Map<String, Object>>) l : List.of();
	}

	private static List<String> strings(Object o) {
		return o instanceof List<?> l ? l.stream().map(String::valueOf).toList() : List.of();
	}
}
