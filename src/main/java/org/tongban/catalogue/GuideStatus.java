package org.tongban.catalogue;

/** Where a guide version is in its life: DRAFT → IN_REVIEW → PUBLISHED → SUPERSEDED. */
public enum GuideStatus {

	DRAFT("草稿"), IN_REVIEW("待审核"), PUBLISHED("已发布"), SUPERSEDED("已被取代");

	private final String label;

	GuideStatus(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

	/** Published and superseded versions are public record; drafts are staff's work in progress. */
	public boolean isPublic() {
		return this == PUBLISHED || this == SUPERSEDED;
	}
}
