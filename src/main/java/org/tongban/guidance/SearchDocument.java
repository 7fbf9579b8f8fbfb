package org.tongban.guidance;

import java.util.List;

/**
 * One searchable passage of a guide: the item itself, a situation, a situation's materials or an FAQ.
 * {@code situationCode} and {@code situationName} are null for passages that belong to the whole item.
 */
public record SearchDocument(String itemCode, String itemName, String itemType, String situationCode,
		String situationName, Kind kind, String text, List<String> keywords) {

	/** What part of a guide a passage comes from. */
	public enum Kind {
		ITEM, SITUATION, MATERIAL, FAQ
	}

	public SearchDocument {
		if (itemCode == null || itemCode.isBlank() || itemName == null || kind == null || text == null) {
			throw new IllegalArgumentException("a search document needs an item code, item name, kind and text");
		}
		itemType = itemType == null ? "" : itemType;
		keywords = keywords == null ? List.of() : List.copyOf(keywords);
	}

	/** The text given to the embedding model: the names travel with the passage so it stands on its own. */
	String embeddingText() {
		StringBuilder s = new StringBuilder(itemName);
		if (situationName != null) {
			s.append('：').append(situationName);
		}
		s.append('。').append(text);
		// ≈ 300 characters keeps a passage under the model's 512 tokens and its cost near 50 ms
		return s.length() > 300 ? s.substring(0, 300) : s.toString();
	}
}
