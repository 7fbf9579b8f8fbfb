package org.tongban.catalogue;

import org.tongban.identity.Role;
import org.tongban.identity.SignedInUser;

/**
 * Who may work on guides. Reading published guides is public. The façade checks the item-specific rules;
 * the expressions only keep everyone else away from the editing endpoints.
 */
public final class CatalogueAccess {

	/** Staff who may edit (their own division's items) or review. */
	public static final String WORK = "hasAnyRole('DIVISION_STAFF', 'LEADER', 'ADMIN')";

	/** Marking a law amended or repealed. */
	public static final String LAWS = "hasRole('ADMIN')";

	/** The Planning and Development Division leads standardisation of the guides (task 13), so it reviews. */
	static final String REVIEWING_DIVISION = "PLANNING";

	private CatalogueAccess() {
	}

	/** The item's responsible division edits its guides; administrators edit every guide. */
	public static boolean mayEdit(SignedInUser me, String division) {
		return me != null && (me.has(Role.ADMIN) || me.has(Role.DIVISION_STAFF) && division.equals(me.orgUnitCode()));
	}

	/** Leaders, administrators and the Planning Division review and publish (never their own draft). */
	public static boolean mayReview(SignedInUser me) {
		return me != null && (me.has(Role.LEADER) || me.has(Role.ADMIN)
				|| me.has(Role.DIVISION_STAFF) && REVIEWING_DIVISION.equals(me.orgUnitCode()));
	}
}
