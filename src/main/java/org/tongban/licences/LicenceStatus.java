package org.tongban.licences;

/** A licence's status; EXPIRED is never stored, it is computed from {@code validUntil}. */
public enum LicenceStatus {

	VALID("有效"), SUSPENDED("暂停"), REVOKED("已撤销"), CANCELLED("已注销"), EXPIRED("已过期");

	private final String label;

	LicenceStatus(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}
}
