package org.tongban.reform;

/** Who may use the cockpit, as {@code @PreAuthorize} expressions; writing is further limited per task. */
public final class ReformAccess {

	/**
	 * Every member of staff reads every task, the cockpit and the export: the plan names the units too
	 * (委审批服务中心, 区监督所 …). Citizens and enterprises do not.
	 */
	public static final String READ = "hasAnyRole('LEADER', 'ADMIN', 'DIVISION_STAFF', 'CLERK', 'APPROVER', 'INSPECTOR')";

	/** Divisions' staff report on tasks their division leads and contribute to those it cooperates on. */
	public static final String REPORT = "hasRole('DIVISION_STAFF')";

	/** Administrators and the Planning and Development Division, which coordinates the plan, import it. */
	public static final String IMPORT = "hasRole('ADMIN') or (hasRole('DIVISION_STAFF') and principal.orgUnitCode() == 'PLANNING')";

	private ReformAccess() {
	}
}
