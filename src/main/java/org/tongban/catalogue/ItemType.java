package org.tongban.catalogue;

/** The kind of a service item, as the official lists are split. */
public enum ItemType {

	LICENSING("行政许可", "licensing", "行政许可事项清单"),
	FILING("行政备案", "filing", "行政备案事项清单"),
	PUBLIC_SERVICE("公共服务", "public-service", "公共服务事项清单");

	private final String label;
	private final String slug;
	private final String listTitle;

	ItemType(String label, String slug, String listTitle) {
		this.label = label;
		this.slug = slug;
		this.listTitle = listTitle;
	}

	public String label() {
		return label;
	}

	/** The list's name in URLs: {@code /catalogue/public-service}. */
	public String slug() {
		return slug;
	}

	public String listTitle() {
		return listTitle;
	}

	public static java.util.Optional<ItemType> bySlug(String slug) {
		return java.util.Arrays.stream(values()).filter(t -> t.slug.equals(slug)).findFirst();
	}
}
