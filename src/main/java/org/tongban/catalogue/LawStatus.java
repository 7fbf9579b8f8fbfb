package org.tongban.catalogue;

/** Whether a cited law is in force as first enacted, amended since, or repealed. */
public enum LawStatus {

	CURRENT("现行有效"), AMENDED("已修订"), REPEALED("已废止");

	private final String label;

	LawStatus(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}
}
