package org.tongban.catalogue;

import java.util.Arrays;
import java.util.Optional;

import org.tongban.catalogue.GuideContent.Material;

/** What a file kept with a guide is for: the blank form of a material, or a filled-in sample of it. */
public enum GuideFileKind {

	BLANK_FORM("blank-form", "空白表格"),
	SAMPLE("sample", "示范文本");

	private final String slug;
	private final String label;

	GuideFileKind(String slug, String label) {
		this.slug = slug;
		this.label = label;
	}

	/** The kind as URLs name it. */
	public String slug() {
		return slug;
	}

	public String label() {
		return label;
	}

	/** Whether the material says the guide provides this kind of file. */
	public boolean offeredBy(Material material) {
		return Boolean.TRUE.equals(this == BLANK_FORM ? material.blankForm() : material.sample());
	}

	public static Optional<GuideFileKind> bySlug(String slug) {
		return Arrays.stream(values()).filter(k -> k.slug.equals(slug) || k.name().equals(slug)).findFirst();
	}
}
