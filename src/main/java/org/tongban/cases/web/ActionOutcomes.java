package org.tongban.cases.web;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.tongban.cases.Case;
import org.tongban.cases.CaseStatus;
import org.tongban.cases.CaseSteps;
import org.tongban.identity.Organisation;
import org.tongban.identity.OrgUnit;

/**
 * What an action on a case will do, asked before an action that cannot be undone, and what it did and what comes
 * next, said after it: in the words of the person acting, with the dates the case now has.
 */
final class ActionOutcomes {

	/** Staff actions that cannot be undone: they are confirmed on a page of their own first. */
	static final Set<String> IRREVERSIBLE = Set.of("accept", "refuse", "request-correction", "approve", "deny", "extend",
			"confirm", "notify-revocation", "revoke", "send-back");

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("M月d日");

	private ActionOutcomes() {
	}

	/** The confirmation page's title for a staff action. */
	static String confirmTitle(String action, Case c) {
		return "确认：" + buttonLabel(action, c);
	}

	/** The label of the button that confirms it. */
	static String buttonLabel(String action, Case c) {
		boolean review = "review".equals(c.step());
		return switch (action) {
			case "accept" -> "受理";
			case "refuse" -> "不予受理";
			case "request-correction" -> "发出补正告知";
			case "approve" -> review ? "审查通过" : "准予许可";
			case "deny" -> review ? "审查不通过" : "不予许可";
			case "extend" -> "延长期限";
			case "confirm" -> "核查属实";
			case "notify-revocation" -> "告知拟撤销";
			case "revoke" -> "撤销许可";
			case "send-back" -> "退回审查";
			default -> action;
		};
	}

	/** What the action will do, one sentence each, the last saying that it cannot be undone. */
	static List<String> consequences(String action, Case c) {
		boolean review = "review".equals(c.step());
		List<String> said = new ArrayList<>();
		switch (action) {
			case "accept" -> {
				said.add("办件进入审查，承诺时限（" + c.promisedDays() + " 个工作日）从受理之日起计算。");
				said.add("系统向申请人发送受理通知书（站内消息和短信），办件页可下载。");
			}
			case "refuse" -> {
				said.add("办件结束，向申请人送达不予受理决定书，写明理由、依据和申请行政复议、提起行政诉讼的权利。");
			}
			case "request-correction" -> {
				said.add("补正告知只能发出一次（《行政许可法》第三十二条），须一次性列明全部需补正的内容。");
				said.add("发出后办理时限暂停计算，直至申请人提交补正材料。");
			}
			case "approve" -> said.add(review ? "审查意见为通过，办件转交决定人作出决定。"
					: "作出准予行政许可决定：生成电子证照，向申请人送达准予许可决定书。");
			case "deny" -> said.add(review ? "审查意见为不通过，办件转交决定人作出决定。"
					: "作出不予行政许可决定：向申请人送达决定书，写明理由和申请行政复议、提起行政诉讼的权利。");
			case "extend" -> said.add("法定期限延长一次，须将延长期限的理由告知申请人（《行政许可法》第四十二条）；同一办件不能再次延长。");
			case "confirm" -> said.add("记录事后核查属实，告知承诺的事后核查结束。");
			case "notify-revocation" -> said.add("向持证人告知拟撤销许可的事实和理由，持证人可在期限内陈述申辩（《行政许可法》第七条）。");
			case "revoke" -> said.add("撤销许可：证照立即失效，验证页显示已撤销，向持证人送达撤销决定书，并记入信用记录。");
			case "send-back" -> said.add("办件退回审查环节，由审查人重新审查。");
			default -> {
			}
		}
		said.add("确认后不能撤销。");
		return said;
	}

	/** What the action did and what comes next, after it, from the case as it now is. */
	static String outcome(String action, Case c, Organisation organisation) {
		String number = c.number() == null ? "办件" : "办件 " + c.number();
		return switch (action) {
			case "accept" -> "已受理" + number + "，承诺" + day(c.promisedDeadline()) + "前办结；已向申请人发送受理通知书，办件转入"
					+ CaseSteps.stepLabel(c.step()) + "（" + unit(c.division(), organisation) + "）。";
			case "refuse" -> "已作出不予受理决定，" + number + " 已办结；决定书已送达申请人（站内消息、办件页可下载）。";
			case "request-correction" -> "已向申请人发出补正告知，" + number + " 等待补正；补正期间办理时限暂停计算，申请人提交补正后回到待办列表。";
			case "approve" -> c.status() == CaseStatus.UNDER_REVIEW || c.decision() == null
					? "审查通过，" + number + " 已转交" + CaseSteps.stepLabel(c.step()) + "。"
					: "已准予许可，" + number + " 已办结；电子证照已生成，决定书已送达申请人。";
			case "deny" -> c.decision() == null ? "审查不通过，" + number + " 已转交" + CaseSteps.stepLabel(c.step()) + "。"
					: "已作出不予许可决定，" + number + " 已办结；决定书已送达申请人。";
			case "extend" -> "已延长 " + c.extensionDays() + " 个工作日，法定期限至 " + day(c.statutoryDeadline()) + "；已告知申请人。";
			case "confirm" -> "已记录事后核查属实，" + number + " 的事后核查结束。";
			case "notify-revocation" -> "已告知拟撤销，持证人可在 " + day(c.statementDue()) + " 前陈述申辩；期满后可作出撤销决定。";
			case "revoke" -> "已撤销许可，证照已失效；撤销决定书已送达持证人。";
			case "send-back" -> "已退回审查，" + number + " 由审查人重新审查。";
			case "claim" -> "已签收，" + number + " 由您办理。";
			case "hand-over" -> "已转交，" + number + " 由" + (c.assignee() == null ? "本环节其他人员" : "受让人") + "办理。";
			case "suspend" -> "已暂停计时，" + number + " 的办理时限暂停计算，恢复后顺延。";
			case "resume" -> "已恢复计时，办理期限至 " + day(c.deadline()) + "。";
			default -> "已完成操作。";
		};
	}

	private static String unit(String code, Organisation organisation) {
		return code == null ? "承办处室" : organisation.byCode(code).map(OrgUnit::name).orElse("承办处室");
	}

	private static String day(LocalDate date) {
		return date == null ? "（待定）" : date.format(DAY);
	}
}
