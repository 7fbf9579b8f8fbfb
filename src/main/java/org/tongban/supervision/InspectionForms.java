package org.tongban.supervision;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The on-site inspection forms per sector as data ({@code data/supervision/inspection-forms.yml}): each item with
 * its legal basis, under one version that every finished inspection keeps.
 */
@Component
public class InspectionForms {

	static final String RESOURCE = "data/supervision/inspection-forms.yml";

	/** One item of a sector's form. */
	public record Item(String code, String item, String basis) {
	}

	/** A sector's form: its items in order, the file's version, and whether legal staff have checked the bases. */
	public record Form(Sector sector, String version, boolean legallyReviewed, List<Item> items) {
	}

	private final String version;
	private final boolean reviewed;
	private final Map<Sector, List<Item>> forms;

	public InspectionForms() {
		Map<String, Object> root = read(new ClassPathResource(RESOURCE));
		this.version = String.valueOf(root.get("version"));
		this.reviewed = "checked".equals(root.get("legal-review"));
		this.forms = parse(root);
	}

	/** The sector's form; every sector has one. */
	public Form of(Sector sector) {
		return new Form(sector, version, reviewed, forms.getOrDefault(sector, List.of()));
	}

	public String version() {
		return version;
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> read(ClassPathResource resource) {
		try (InputStream in = resource.getInputStream()) {
			return (Map<String, Object>) new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	@SuppressWarnings("unchecked")
	static Map<Sector, List<Item>> parse(Map<String, Object> root) {
		if (root.get("version") == null || !List.of("pending", "checked").contains(root.get("legal-review"))) {
			throw new IllegalStateException(RESOURCE + " needs a version and legal-review: pending | checked");
		}
		Map<Sector, List<Item>> out = new EnumMap<>(Sector.class);
		Set<String> codes = new HashSet<>();
		((Map<String, List<Map<String, Object>>>) root.get("sectors")).forEach((sector, items) -> {
			List<Item> list = new ArrayList<>();
			for (Map<String, Object> i : items) {
				Item item = new Item((String) i.get("code"), (String) i.get("item"), (String) i.get("basis"));
				if (item.code() == null || !codes.add(item.code()) || item.item() == null || item.basis() == null
						|| !item.basis().contains("《")) {
					throw new IllegalStateException(RESOURCE + ": item " + item.code()
							+ " needs a unique code, the item and a basis naming a law");
				}
				list.add(item);
			}
			out.put(Sector.valueOf(sector), List.copyOf(list));
		});
		for (Sector s : Sector.values()) {
			if (!out.containsKey(s) || out.get(s).isEmpty()) {
				throw new IllegalStateException(RESOURCE + ": no form for " + s);
			}
		}
		return out;
	}
}
