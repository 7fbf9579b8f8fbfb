package org.tongban.cases;

/** Where a case stands; English in the API, {@link #label()} in the UI. */
@org.springframework.modulith.NamedInterface("api")
public enum CaseStatus {

	DRAFT("草稿"),
	SUBMITTED("待受理"),
	CORRECTION_REQUESTED("待补正"),
	UNDER_REVIEW("审查中"),
	SUSPENDED("暂停计时"),
	GRANTED("准予许可"),
	DENIED("不予许可"),
	REFUSED("不予受理"),
	WITHDRAWN("已撤回"),
	REVOKED("已撤销");

	private final String label;

	CaseStatus(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

	/** Before a decision the applicant may still withdraw. */
	public boolean withdrawable() {
		return this == DRAFT || this == SUBMITTED || this == CORRECTION_REQUESTED || this == UNDER_REVIEW
				|| this == SUSPENDED;
	}

	/** The case is finished (办结): no step is left for the applicant or the staff. */
	public boolean finished() {
		return this == GRANTED || this == DENIED || this == REFUSED || this == WITHDRAWN || this == REVOKED;
	}
}
