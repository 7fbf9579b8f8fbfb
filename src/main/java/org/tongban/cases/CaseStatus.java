package org.tongban.cases;

/** Where a case stands; English in the API, {@link #label()} in the UI. Handling adds its statuses here. */
public enum CaseStatus {

	DRAFT("草稿"), SUBMITTED("已提交"), WITHDRAWN("已撤回");

	private final String label;

	CaseStatus(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

	/** Before a decision the applicant may still withdraw. */
	public boolean withdrawable() {
		return this == DRAFT || this == SUBMITTED;
	}
}
