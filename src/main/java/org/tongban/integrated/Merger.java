package org.tongban.integrated;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.tongban.integrated.IndustryPackage.Feed;
import org.tongban.integrated.IndustryPackage.Field;
import org.tongban.integrated.IndustryPackage.Item;
import org.tongban.integrated.IndustryPackage.Material;
import org.tongban.integrated.MergedApplication.ApplicableItem;
import org.tongban.integrated.MergedApplication.Figures;
import org.tongban.integrated.MergedApplication.MergedField;
import org.tongban.integrated.MergedApplication.MergedMaterial;

/** Turns a package and typed answers into the merged application; pure, so tests and pages share it. */
final class Merger {

	private Merger() {
	}

	static MergedApplication merge(IndustryPackage pkg, Map<String, Object> typedAnswers) {
		List<ApplicableItem> items = new ArrayList<>();
		Set<String> cases = new HashSet<>();
		for (Item item : pkg.items()) {
			String situation = situation(item, typedAnswers);
			if (Answers.holds(item.conditions(), typedAnswers) && (item.external() || situation != null)) {
				items.add(new ApplicableItem(item.key(), item.itemCode(), situation, item.name(), item.external(),
						item.authority()));
				if (!item.external()) {
					cases.add(item.key());
				}
			}
		}
		List<MergedField> fields = new ArrayList<>();
		int separateFields = 0;
		for (Field f : pkg.fields()) {
			List<Feed> feeds = f.feedsOrNone().stream().filter(feed -> cases.contains(feed.item())).distinct().toList();
			if (feeds.isEmpty()) {
				continue;
			}
			fields.add(new MergedField(f.name(), f.label(), f.type(), f.required(), f.maxLength(), f.min(), f.max(),
					f.choices(), f.hint(), f.sample(), feeds, prefill(f, typedAnswers)));
			separateFields += feeds.size();
		}
		List<MergedMaterial> materials = new ArrayList<>();
		int separateDocuments = 0;
		for (Material m : pkg.materials()) {
			if (!Answers.holds(m.conditions(), typedAnswers)) {
				continue;
			}
			List<String> needing = m.neededBy().stream().filter(cases::contains).distinct().toList();
			if (needing.isEmpty()) {
				continue;
			}
			materials.add(new MergedMaterial(m.code(), m.name(), needing, m.heldBy(), m.notes(),
					m.coversOrNone().stream().filter(c -> needing.contains(c.item())).toList()));
			separateDocuments += needing.size();
		}
		return new MergedApplication(pkg.code(), pkg.version(), Map.copyOf(typedAnswers), List.copyOf(items),
				List.copyOf(fields), List.copyOf(materials),
				Figures.of(fields.size(), materials.size(), separateFields, separateDocuments));
	}

	static String situation(Item item, Map<String, Object> typedAnswers) {
		for (IndustryPackage.SituationChoice choice : item.situationChoices()) {
			if (Answers.holds(choice.when(), typedAnswers)) {
				return choice.situation();
			}
		}
		return item.situation();
	}

	private static Object prefill(Field f, Map<String, Object> typedAnswers) {
		if (f.prefill() == null) {
			return null;
		}
		Object answer = typedAnswers.get(f.prefill());
		return answer instanceof java.math.BigDecimal n ? n.toPlainString() : answer;
	}

	/** Each applicable non-external item's form values, by item code, from the integrated form's values. */
	static Map<String, Map<String, Object>> split(MergedApplication merged, Map<String, Object> form) {
		Map<String, Map<String, Object>> byItem = new LinkedHashMap<>();
		Map<String, String> codeByKey = new LinkedHashMap<>();
		for (ApplicableItem item : merged.internalItems()) {
			byItem.put(item.itemCode(), new LinkedHashMap<>());
			codeByKey.put(item.key(), item.itemCode());
		}
		Map<String, Object> values = form == null ? Map.of() : form;
		for (MergedField field : merged.fields()) {
			Object value = values.get(field.name());
			if (value == null) {
				continue;
			}
			for (Feed feed : field.feeds()) {
				String code = codeByKey.get(feed.item());
				if (code != null) {
					byItem.get(code).put(feed.field(), value);
				}
			}
		}
		Map<String, Map<String, Object>> result = new LinkedHashMap<>();
		byItem.forEach((code, map) -> result.put(code, java.util.Collections.unmodifiableMap(map)));
		return java.util.Collections.unmodifiableMap(result);
	}

	static Set<String> itemsCarrying(IndustryPackage pkg, Set<String> fieldNames) {
		Set<String> codes = new LinkedHashSet<>();
		for (Field f : pkg.fields()) {
			if (!fieldNames.contains(f.name())) {
				continue;
			}
			for (Feed feed : f.feedsOrNone()) {
				pkg.item(feed.item()).filter(i -> !i.external()).ifPresent(i -> codes.add(i.itemCode()));
			}
		}
		return codes;
	}
}
