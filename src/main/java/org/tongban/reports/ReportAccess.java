package org.tongban.reports;

/** Who may read the reports: leaders, division staff, approvers and administrators. */
public final class ReportAccess {

	public static final String READ = "hasAnyRole('LEADER', 'DIVISION_STAFF', 'ADMIN', 'APPROVER')";

	private ReportAccess() {
	}
}
