package org.tongban.identity;

/** What an account may do; an account holds one or more. */
public enum Role {

	CITIZEN("个人办事人"),
	ENTERPRISE("企业办事人"),
	CLERK("窗口受理人员"),
	APPROVER("审批人员"),
	INSPECTOR("监督执法人员"),
	/** The Health Supervision Institute's planner: registers, inspection plans, random draws, overrides. */
	SUPERVISOR("监督计划人员"),
	DIVISION_STAFF("处室工作人员"),
	LEADER("委领导"),
	ADMIN("系统管理员");

	private final String label;

	Role(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

	/** The authority Spring Security checks with {@code hasRole}. */
	public String authority() {
		return "ROLE_" + name();
	}

	public boolean isStaff() {
		return this != CITIZEN && this != ENTERPRISE;
	}
}
