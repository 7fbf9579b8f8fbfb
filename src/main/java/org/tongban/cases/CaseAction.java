package org.tongban.cases;

import java.util.Arrays;
import java.util.Optional;

/** What staff and applicants do to a case; the API names them in English, the pages in Chinese. */
public enum CaseAction {

	ACCEPT("accept", "受理"),
	REFUSE("refuse", "不予受理"),
	REQUEST_CORRECTION("request-correction", "一次性告知补正"),
	CORRECT("correct", "提交补正材料"),
	APPROVE("approve", "同意"),
	DENY("deny", "不同意"),
	SUSPEND("suspend", "暂停计时"),
	RESUME("resume", "恢复计时"),
	EXTEND("extend", "延长期限"),
	SEND_BACK("send-back", "退回审查"),
	WITHDRAW("withdraw", "撤回"),
	CLAIM("claim", "签收"),
	HAND_OVER("hand-over", "转交"),
	CONFIRM("confirm", "核查属实"),
	NOTIFY_REVOCATION("notify-revocation", "告知拟撤销"),
	STATE_CASE("state-case", "陈述申辩"),
	REVOKE("revoke", "承诺不实，撤销");

	private final String name;
	private final String label;

	CaseAction(String name, String label) {
		this.name = name;
		this.label = label;
	}

	/** The name in the API path, e.g. {@code request-correction}. */
	public String apiName() {
		return name;
	}

	public String label() {
		return label;
	}

	public static Optional<CaseAction> of(String apiName) {
		return Arrays.stream(values()).filter(a -> a.name.equals(apiName)).findFirst();
	}

	static String labelOf(String apiName) {
		return switch (apiName) {
			case "submit" -> "提交申请";
			case "open-at-window" -> "窗口收件";
			case "deemed-accept" -> "逾期视为受理";
			case "grant" -> "准予许可";
			case "review-approve" -> "审查通过";
			case "review-deny" -> "审查不通过";
			case "approve" -> "准予许可";
			case "deny" -> "不予许可";
			default -> of(apiName).map(CaseAction::label).orElse(apiName);
		};
	}
}
