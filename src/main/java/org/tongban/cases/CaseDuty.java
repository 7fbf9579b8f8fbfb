package org.tongban.cases;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.tongban.identity.Role;
import org.tongban.identity.SignedInUser;

/**
 * Who may read and act on a case: one rule, written as a SQL condition on {@code cases_case}, so that a single
 * read, an action and every work list agree. A case outside the user's duty does not exist for them (404).
 * <ul>
 * <li>the applicant: their own cases;</li>
 * <li>CLERK (the approval centre's window): cases at a window step (waiting for acceptance, 受理并决定), cases
 * waiting for corrections, the window drafts they opened, and what the window decided (不予受理, 即办件);</li>
 * <li>APPROVER and DIVISION_STAFF: submitted cases of the items their division is responsible for (the
 * division the catalogue names for the item, copied onto the case when it was drafted);</li>
 * <li>INSPECTOR: open 事后核查 steps nobody has claimed, or they have claimed, and the verifications they
 * closed;</li>
 * <li>LEADER: escalations — red warnings, cases past the statutory limit, and cases whose extension (art. 42,
 * the head's approval) is still open;</li>
 * <li>ADMIN, and anyone else: none (administrators see no case content).</li>
 * </ul>
 */
public final class CaseDuty {

	private CaseDuty() {
	}

	/** A SQL condition on the columns of {@code cases_case} with its positional parameters. */
	record Condition(String sql, List<Object> params) {

		Object[] paramsWith(Object... more) {
			List<Object> all = new ArrayList<>(params);
			all.addAll(List.of(more));
			return all.toArray();
		}
	}

	/** The cases {@code me} may read and act on, on {@code today}. */
	static Condition of(SignedInUser me, LocalDate today) {
		List<String> any = new ArrayList<>();
		List<Object> params = new ArrayList<>();
		any.add("owner = ?");
		params.add(me.username());
		if (me.has(Role.CLERK)) {
			// and what the window decided itself: a refusal of acceptance, an item decided on the spot (即办件)
			any.add("step_role = 'CLERK' OR status = 'CORRECTION_REQUESTED' OR status = 'DRAFT' AND opened_by = ?"
					+ " OR status = 'REFUSED' OR process_key = 'case-immediate' AND status <> 'DRAFT'");
			params.add(me.username());
		}
		if ((me.has(Role.APPROVER) || me.has(Role.DIVISION_STAFF)) && me.orgUnitCode() != null) {
			any.add("status <> 'DRAFT' AND division = ?");
			params.add(me.orgUnitCode());
		}
		if (me.has(Role.INSPECTOR)) {
			// and the verifications they closed (confirmed or revoked), as their record of them
			any.add("step = 'postVerify' AND (assignee IS NULL OR assignee = ?) OR process_key = 'case-commitment'"
					+ " AND step IS NULL AND EXISTS (SELECT 1 FROM cases_event e WHERE e.case_id = cases_case.id AND e.actor = ?)");
			params.add(me.username());
			params.add(me.username());
		}
		if (me.has(Role.LEADER)) {
			any.add("warning_level = 'RED' OR step IS NOT NULL AND statutory_deadline < ?"
					+ " OR step IN ('review', 'decide') AND NOT extended AND extension_days > 0");
			params.add(today);
		}
		return new Condition("(" + String.join(" OR ", any.stream().map(c -> "(" + c + ")").toList()) + ")", params);
	}

	/** Whether the user handles cases as staff (has a work list); administrators do not. */
	static boolean handlesCases(SignedInUser me) {
		return me.has(Role.CLERK) || me.has(Role.APPROVER) || me.has(Role.INSPECTOR) || me.has(Role.LEADER)
				|| me.has(Role.DIVISION_STAFF);
	}
}
