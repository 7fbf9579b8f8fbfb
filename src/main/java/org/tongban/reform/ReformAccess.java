package org.tongban.reform;

/** Who may use the cockpit, as {@code @PreAuthorize} expressions; writing is further limited per task. */
public final class ReformAccess {

	/** Leaders, administrators and divisions' staff read every task, the cockpit and the export. */
	public static final String READ = "hasAnyRole('LEADER', 'ADMIN', 'DIVISION_STAFF')";

	/** Divisions' staff report on tasks their division leads and contribute to those it cooperates on. */
	public static final String REPORT = "hasRole('DIVISION_STAFF')";

	/** Administrators and the Planning and Development Division, which coordinates the plan, import it. */
	public static final String IMPORT = "hasRole('ADMIN') or (hasRole('DIVISION_STAFF') and principal.orgUnitCode() == 'PLANNING')";

	private ReformAccess() {
	}
}
