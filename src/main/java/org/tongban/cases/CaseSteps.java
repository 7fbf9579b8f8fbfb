package org.tongban.cases;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.tongban.identity.Role;
import org.tongban.identity.SignedInUser;

/**
 * Who may do what to a case: the actions the open step offers, and which of them the signed-in user may take
 * (role of the step, the claim, the applicant's own actions, four eyes, the head's extension).
 */
public final class CaseSteps {

	static final String APPLICANT = "APPLICANT";

	private CaseSteps() {
	}

	static boolean handlesCases(SignedInUser me) {
		return me.has(Role.CLERK) || me.has(Role.APPROVER) || me.has(Role.INSPECTOR) || me.has(Role.LEADER)
				|| me.has(Role.DIVISION_STAFF) || me.has(Role.ADMIN);
	}

	/** Every action the open step offers, whoever may take it. */
	static Set<CaseAction> stepActions(Case c) {
		Set<CaseAction> actions = new LinkedHashSet<>();
		if (c.status().withdrawable() && c.status() != CaseStatus.DRAFT) {
			actions.add(CaseAction.WITHDRAW);
		}
		String step = c.handling.step;
		if (step == null) {
			return actions;
		}
		if (c.status() == CaseStatus.SUSPENDED) {
			actions.add(CaseAction.RESUME);
			return actions;
		}
		switch (step) {
			case "accept" -> actions.addAll(List.of(CaseAction.ACCEPT, CaseAction.REQUEST_CORRECTION, CaseAction.REFUSE));
			case "acceptAndDecide" -> actions.addAll(List.of(CaseAction.APPROVE, CaseAction.DENY,
					CaseAction.REQUEST_CORRECTION, CaseAction.REFUSE));
			case "correct" -> actions.add(CaseAction.CORRECT);
			case "review", "decide" -> {
				actions.addAll(List.of(CaseAction.APPROVE, CaseAction.DENY, CaseAction.SUSPEND));
				if ("decide".equals(step)) {
					actions.add(CaseAction.SEND_BACK);
				}
				if (!c.handling.extended) {
					actions.add(CaseAction.EXTEND);
				}
			}
			case "postVerify" -> actions.addAll(List.of(CaseAction.CONFIRM, CaseAction.REVOKE));
			default -> {
			}
		}
		if (!"correct".equals(step)) {
			actions.add(CaseAction.CLAIM);
			actions.add(CaseAction.HAND_OVER);
		}
		return actions;
	}

	static List<CaseAction> allowed(SignedInUser me, Case c) {
		List<CaseAction> allowed = new ArrayList<>();
		for (CaseAction action : stepActions(c)) {
			if (may(me, c, action)) {
				allowed.add(action);
			}
		}
		return allowed;
	}

	static boolean may(SignedInUser me, Case c, CaseAction action) {
		Case.Handling h = c.handling;
		boolean owner = c.applicant().owner().equals(me.username());
		return switch (action) {
			case WITHDRAW -> owner;
			// at the window the clerk takes the corrected materials for an applicant without an account
			case CORRECT -> owner || c.channel() == Channel.WINDOW && me.has(Role.CLERK);
			// art. 42: only the head of the authority approves an extension
			case EXTEND -> me.has(Role.LEADER);
			case HAND_OVER -> h.stepRole != null && (me.has(Role.LEADER)
					|| me.has(Role.valueOf(h.stepRole)) && (h.assignee == null || h.assignee.equals(me.username())));
			default -> {
				if (h.stepRole == null || APPLICANT.equals(h.stepRole) || !me.has(Role.valueOf(h.stepRole))) {
					yield false;
				}
				if (h.assignee != null && !h.assignee.equals(me.username())) {
					yield false;
				}
				if (action == CaseAction.CLAIM) {
					yield h.assignee == null;
				}
				// four eyes: whoever reviewed may not also decide
				yield !(h.fourEyes && "decide".equals(h.step) && me.username().equals(h.reviewer));
			}
		};
	}

	static String refusal(SignedInUser me, Case c, CaseAction action) {
		Case.Handling h = c.handling;
		if (action == CaseAction.EXTEND) {
			return "延长办理期限须经本机关负责人批准，只有委领导可以操作。";
		}
		if (h.assignee != null && !h.assignee.equals(me.username()) && h.stepRole != null
				&& !APPLICANT.equals(h.stepRole) && me.has(Role.valueOf(h.stepRole))) {
			return "该办件已由 " + h.assignee + " 签收，请联系其转交。";
		}
		if (h.fourEyes && "decide".equals(h.step) && me.username().equals(h.reviewer)) {
			return "本事项实行审查与决定分离（双人审核），审查人不能同时作出决定。";
		}
		if (action == CaseAction.WITHDRAW || action == CaseAction.CORRECT) {
			return "只有申请人本人可以“" + action.label() + "”。";
		}
		Role role = h.stepRole == null || APPLICANT.equals(h.stepRole) ? null : Role.valueOf(h.stepRole);
		return "当前环节“" + stepLabel(h.step) + "”由" + (role == null ? "申请人" : role.label()) + "办理，您无权“"
				+ action.label() + "”。";
	}

	static String stepName(Case c) {
		return c.handling.step == null ? "" : "（当前环节：" + stepLabel(c.handling.step) + "）";
	}

	public static String stepLabel(String step) {
		if (step == null) {
			return "—";
		}
		return switch (step) {
			case "accept" -> "受理";
			case "acceptAndDecide" -> "受理并决定";
			case "correct" -> "补正";
			case "review" -> "审查";
			case "decide" -> "决定";
			case "postVerify" -> "事后核查";
			default -> step;
		};
	}

}
