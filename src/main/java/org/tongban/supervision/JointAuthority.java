package org.tongban.supervision;

/** The authorities of a joint inspection of medical beauty (task 27). */
public enum JointAuthority {
	HEALTH("区卫生健康委员会监督所"), MARKET("区市场监督管理局"), DRUG("药品监督管理部门");

	private final String label;

	JointAuthority(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}
}
