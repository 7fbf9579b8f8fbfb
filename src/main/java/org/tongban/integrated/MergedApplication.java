package org.tongban.integrated;

import java.util.List;
import java.util.Map;

/**
 * What one set of answers makes of a package: the items that apply, the integrated form (each field asked once,
 * with the items it feeds) and the merged material list (each document once, with the items needing it), and the
 * figures comparing it with applying item by item.
 */
public record MergedApplication(String packageCode, int packageVersion, Map<String, Object> answers,
		List<ApplicableItem> items, List<MergedField> fields, List<MergedMaterial> materials, Figures figures) {

	/** An item that applies; {@code key} is its key in the package, {@code itemCode} null for an external one. */
	public record ApplicableItem(String key, String itemCode, String situation, String name, boolean external,
			String authority) {
	}

	/**
	 * An integrated form field with the underlying fields it fills, only those of applicable non-external items;
	 * {@code prefilled} is the answer that pre-fills it, if any.
	 */
	public record MergedField(String name, String label, String type, boolean required, Integer maxLength,
			java.math.BigDecimal min, java.math.BigDecimal max, List<String> choices, String hint, String sample,
			List<IndustryPackage.Feed> feeds, Object prefilled) {

		/** The keys of the items this field feeds. */
		public List<String> items() {
			return feeds.stream().map(IndustryPackage.Feed::item).distinct().toList();
		}
	}

	/** A document uploaded once for every applicable item that needs it. */
	public record MergedMaterial(String code, String name, List<String> items, String heldBy, String notes,
			List<IndustryPackage.Cover> covers) {

		/** The names in the item's own material list this document stands for. */
		public List<String> coveredIn(String itemKey) {
			return covers == null ? List.of() : covers.stream().filter(c -> c.item().equals(itemKey))
				.map(IndustryPackage.Cover::material).toList();
		}
	}

	/**
	 * Fields to fill and documents to upload on the integrated form against applying for each applicable
	 * (non-external) item on its own, and the reductions in whole per cent (fields, documents, both together).
	 */
	public record Figures(int integratedFields, int integratedDocuments, int itemByItemFields,
			int itemByItemDocuments, int fieldReductionPercent, int documentReductionPercent,
			int totalReductionPercent) {

		public static Figures of(int integratedFields, int integratedDocuments, int itemByItemFields,
				int itemByItemDocuments) {
			return new Figures(integratedFields, integratedDocuments, itemByItemFields, itemByItemDocuments,
					reduction(integratedFields, itemByItemFields), reduction(integratedDocuments, itemByItemDocuments),
					reduction(integratedFields + integratedDocuments, itemByItemFields + itemByItemDocuments));
		}

		private static int reduction(int integrated, int separate) {
			return separate == 0 ? 0 : (int) Math.round(100.0 * (separate - integrated) / separate);
		}
	}

	/** The non-external items, those that become cases. */
	public List<ApplicableItem> internalItems() {
		return items.stream().filter(i -> !i.external()).toList();
	}
}
