package org.tongban.integrated;

/** Where a package version stands: written, waiting for a second person, live, or replaced by a newer one. */
public enum PackageStatus {

	DRAFT("草稿"), IN_REVIEW("待审核"), PUBLISHED("已发布"), SUPERSEDED("已被取代");

	private final String label;

	PackageStatus(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}
}
