package org.tongban.catalogue;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/** Reads the catalogue's data files (data/catalogue/README.md); a malformed file fails with its name. */
final class CatalogueFiles {

	static final String LOCATION = "classpath:data/catalogue/";

	/** An item file as read, before it is checked against the law list. */
	record ItemFile(String file, String code, ItemType type, String division, String handlingUnit,
			GuideContent content) {
	}

	/** A file that cannot be loaded; the message names it. */
	static final class MalformedFile extends IllegalStateException {

		MalformedFile(String file, String reason, Throwable cause) {
			super("目录数据文件 " + file + " 有误：" + reason, cause);
		}
	}

	private CatalogueFiles() {
	}

	static List<Law> laws(String location) {
		Resource resource = new PathMatchingResourcePatternResolver().getResource(location + "laws.yml");
		Map<String, Object> root = yaml("laws.yml", resource);
		List<Law> laws = new ArrayList<>();
		if (!(root.get("laws") instanceof List<?> list)) {
			throw new MalformedFile("laws.yml", "缺少 laws 列表", null);
		}
		for (Object entry : list) {
			if (!(entry instanceof Map<?, ?> m) || m.get("id") == null || m.get("name") == null
					|| m.get("issuer") == null || m.get("status") == null || m.get("effective") == null) {
				throw new MalformedFile("laws.yml", "条目缺少 id、name、issuer、status 或 effective：" + entry, null);
			}
			try {
				LawStatus status = LawStatus.valueOf(m.get("status").toString());
				laws.add(new Law(m.get("id").toString(), m.get("name").toString(), m.get("issuer").toString(), status,
						status.label(), date(m.get("effective")), date(m.get("amended")), date(m.get("repealed")),
						m.get("note") == null ? null : m.get("note").toString()));
			}
			catch (RuntimeException ex) {
				throw new MalformedFile("laws.yml", "条目 " + m.get("id") + " 无法解析：" + ex.getMessage(), ex);
			}
		}
		return laws;
	}

	static List<ItemFile> items(String location) {
		try {
			Resource[] resources = new PathMatchingResourcePatternResolver().getResources(location + "items/*.yml");
			List<ItemFile> items = new ArrayList<>();
			for (Resource r : resources) {
				items.add(item("items/" + r.getFilename(), r));
			}
			items.sort(Comparator.comparing(ItemFile::code));
			return items;
		}
		catch (IOException ex) {
			throw new IllegalStateException("无法列出目录数据文件 " + location + "items/", ex);
		}
	}

	static ItemFile item(String file, Resource resource) {
		Map<String, Object> map = yaml(file, resource);
		for (String key : List.of("code", "name", "type", "division", "handlingUnit")) {
			if (map.get(key) == null || map.get(key).toString().isBlank()) {
				throw new MalformedFile(file, "缺少字段 " + key, null);
			}
		}
		String code = map.get("code").toString();
		if (!file.equals("items/" + code + ".yml")) {
			throw new MalformedFile(file, "文件名与事项编码 " + code + " 不一致", null);
		}
		ItemType type;
		try {
			type = ItemType.valueOf(map.get("type").toString());
		}
		catch (IllegalArgumentException ex) {
			throw new MalformedFile(file, "未知的事项类型 " + map.get("type"), ex);
		}
		try {
			GuideContent content = json().convertValue(map, GuideContent.class);
			return new ItemFile(file, code, type, map.get("division").toString(), map.get("handlingUnit").toString(),
					content);
		}
		catch (JacksonException | IllegalArgumentException ex) {
			throw new MalformedFile(file, "字段类型不符：" + ex.getMessage(), ex);
		}
	}

	private static JsonMapper json() {
		return JsonMapper.builder().build();
	}

	private static Map<String, Object> yaml(String file, Resource resource) {
		LoaderOptions options = new LoaderOptions();
		options.setAllowDuplicateKeys(false);
		try (InputStream in = resource.getInputStream()) {
			Object doc = new Yaml(new SafeConstructor(options)).load(in);
			if (!(doc instanceof Map<?, ?> map)) {
				throw new MalformedFile(file, "内容不是 YAML 映射", null);
			}
			@SuppressWarnings("unchecked")
			Map<String, Object> typed = (Map<String, Object>) map;
			return typed;
		}
		catch (IOException ex) {
			throw new MalformedFile(file, "无法读取", ex);
		}
		catch (RuntimeException ex) {
			if (ex instanceof MalformedFile) {
				throw ex;
			}
			throw new MalformedFile(file, "YAML 格式错误：" + ex.getMessage(), ex);
		}
	}

	/** SnakeYAML reads an unquoted ISO date as a midnight-UTC {@link Date}. */
	private static LocalDate date(Object value) {
		if (value == null) {
			return null;
		}
		if (value instanceof Date d) {
			return d.toInstant().atZone(ZoneOffset.UTC).toLocalDate();
		}
		return LocalDate.parse(value.toString());
	}
}
