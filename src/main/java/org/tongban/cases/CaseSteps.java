package org.tongban.cases;

import java.time.LocalDate;
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

	/**
	 * Every action the open step offers on {@code today}, whoever may take it. The law closes some of them by
	 * the dates alone: after the five working days of art. 32 a case is accepted (no refusal, no correction
	 * notice), a case is told to correct once (art. 32), and an extension (art. 42) is granted only before the
	 * statutory limit has passed and only where the rule allows one.
	 */
	static Set<CaseAction> stepActions(Case c, LocalDate today) {
		Set<CaseAction> actions = new LinkedHashSet<>();
		if (c.status().withdrawable() && c.status() != CaseStatus.DRAFT) {
			actions.add(CaseAction.WITHDRAW);
		}
		Step step = c.handling.step;
		if (step == null) {
			return actions;
		}
		if (c.status() == CaseStatus.SUSPENDED) {
			actions.add(CaseAction.RESUME);
			return actions;
		}
		switch (step) {
			case ACCEPT -> {
				actions.add(CaseAction.ACCEPT);
				actions.addAll(beforeAcceptance(c, today));
			}
			case ACCEPT_AND_DECIDE -> {
				actions.addAll(List.of(CaseAction.APPROVE, CaseAction.DENY));
				actions.addAll(beforeAcceptance(c, today));
			}
			case CORRECT -> actions.add(CaseAction.CORRECT);
			case REVIEW, DECIDE -> {
				actions.addAll(List.of(CaseAction.APPROVE, CaseAction.DENY, CaseAction.SUSPEND));
				if (step == Step.DECIDE) {
					actions.add(CaseAction.SEND_BACK);
				}
				if (c.handling.extensible(today)) {
					actions.add(CaseAction.EXTEND);
				}
			}
			case POST_VERIFY -> {
				actions.add(CaseAction.CONFIRM);
				actions.addAll(revocation(c.handling, today));
			}
			default -> {
			}
		}
		if (step != Step.CORRECT) {
			actions.add(CaseAction.CLAIM);
			actions.add(CaseAction.HAND_OVER);
		}
		return actions;
	}

	/**
	 * A revocation is told to the holder first, who may state their case until the due date (《行政许可法》第七条:
	 * 陈述权、申辩权); it is decided once they have, or the date has passed.
	 */
	private static List<CaseAction> revocation(Case.Handling h, LocalDate today) {
		if (h.revocationNoticedOn == null) {
			return List.of(CaseAction.NOTIFY_REVOCATION);
		}
		return h.heard(today) ? List.of(CaseAction.REVOKE) : List.of(CaseAction.STATE_CASE);
	}

	/** Refusal and the correction notice, while the acceptance window is open; the notice only once. */
	private static List<CaseAction> beforeAcceptance(Case c, LocalDate today) {
		if (acceptanceWindowPassed(c, today)) {
			return List.of();
		}
		return c.handling.correctionNoticeGiven() ? List.of(CaseAction.REFUSE)
				: List.of(CaseAction.REQUEST_CORRECTION, CaseAction.REFUSE);
	}

	/** Art. 32: five working days after receipt with no decision, the case is accepted as of its receipt. */
	static boolean acceptanceWindowPassed(Case c, LocalDate today) {
		return c.status() == CaseStatus.SUBMITTED && c.handling.acceptanceDue != null
				&& today.isAfter(c.handling.acceptanceDue);
	}

	/** Why an action the step would offer is closed by the dates or by an earlier notice; null when it is not. */
	static String closedByLaw(Case c, CaseAction action, LocalDate today) {
		Case.Handling h = c.handling;
		boolean acceptStep = h.step != null && h.step.decidesAcceptance();
		if (acceptStep && (action == CaseAction.REFUSE || action == CaseAction.REQUEST_CORRECTION)
				&& acceptanceWindowPassed(c, today)) {
			return "收到申请已满 5 个工作日（" + h.acceptanceDue + " 到期）未作决定，依《行政许可法》第三十二条自收到申请材料之日起即为受理，"
					+ "不能再不予受理或要求补正。";
		}
		if (acceptStep && action == CaseAction.REQUEST_CORRECTION) {
			return "依《行政许可法》第三十二条，补正须一次告知申请人需要补正的全部内容；本办件已告知过补正，不能再次要求补正。";
		}
		if (action == CaseAction.REVOKE && h.step == Step.POST_VERIFY) {
			return h.revocationNoticedOn == null
					? "撤销许可前须先告知持证人拟作出的决定及其事实、理由，听取陈述申辩（《行政许可法》第七条）。"
					: "持证人可在 " + h.statementDue + " 前陈述申辩，期满或其陈述申辩后方可作出撤销决定。";
		}
		if (action == CaseAction.STATE_CASE && h.step == Step.POST_VERIFY && h.revocationNoticedOn != null) {
			return h.statement != null ? "已提交过陈述申辩。" : "陈述申辩期限已于 " + h.statementDue + " 届满。";
		}
		if (action == CaseAction.EXTEND && (h.step == Step.REVIEW || h.step == Step.DECIDE) && !h.extended) {
			if (h.extensionDays == 0) {
				return "本事项（情形）的办理时限不适用《行政许可法》第四十二条的延长，依其规定不能延长。";
			}
			if (h.statutoryDeadline != null && today.isAfter(h.statutoryDeadline)) {
				return "法定期限已于 " + h.statutoryDeadline + " 届满，依《行政许可法》第四十二条只能在期限内延长。";
			}
		}
		return null;
	}

	static List<CaseAction> allowed(SignedInUser me, Case c, LocalDate today) {
		List<CaseAction> allowed = new ArrayList<>();
		for (CaseAction action : stepActions(c, today)) {
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
			case WITHDRAW, STATE_CASE -> owner;
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
				yield !(h.fourEyes && h.step == Step.DECIDE && me.username().equals(h.reviewer));
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
		if (h.fourEyes && h.step == Step.DECIDE && me.username().equals(h.reviewer)) {
			return "本事项实行审查与决定分离（双人审核），审查人不能同时作出决定。";
		}
		if (action == CaseAction.WITHDRAW || action == CaseAction.CORRECT) {
			return "只有申请人本人可以“" + action.label() + "”。";
		}
		Role role = h.stepRole == null || APPLICANT.equals(h.stepRole) ? null : Role.valueOf(h.stepRole);
		return "当前环节“" + (h.step == null ? "—" : h.step.label()) + "”由" + (role == null ? "申请人" : role.label()) + "办理，您无权“"
				+ action.label() + "”。";
	}

	static String stepName(Case c) {
		return c.handling.step == null ? "" : "（当前环节：" + c.handling.step.label() + "）";
	}

	/** The label of a step key as the work lists and pages show it. */
	public static String stepLabel(String step) {
		return step == null ? "—" : Step.find(step).map(Step::label).orElse(step);
	}

}
