package org.tongban.integrated;

import org.tongban.identity.Role;
import org.tongban.identity.SignedInUser;

/**
 * Who may work on industry packages, as on guides: reading published packages is public; the package's owning
 * division (or an administrator) drafts; a leader, an administrator or the Planning Division reviews and
 * publishes, never the author.
 */
public final class IntegratedAccess {

	/** Staff who may edit (their own division's packages) or review. */
	public static final String WORK = "hasAnyRole('DIVISION_STAFF', 'LEADER', 'ADMIN')";

	/** The Planning and Development Division co-ordinates the 一业一证 reform (task 9), so it reviews. */
	static final String REVIEWING_DIVISION = "PLANNING";

	private IntegratedAccess() {
	}

	public static boolean mayEdit(SignedInUser me, String division) {
		return me != null && (me.has(Role.ADMIN) || me.has(Role.DIVISION_STAFF) && division.equals(me.orgUnitCode()));
	}

	public static boolean mayReview(SignedInUser me) {
		return me != null && (me.has(Role.LEADER) || me.has(Role.ADMIN)
				|| me.has(Role.DIVISION_STAFF) && REVIEWING_DIVISION.equals(me.orgUnitCode()));
	}
}
