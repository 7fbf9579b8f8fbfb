package org.tongban.cases;

import java.util.List;

import org.tongban.shared.Problem;

/** What an action's body must hold, checked with a message in Chinese naming the field. */
final class ActionInputs {

	private ActionInputs() {
	}

	static Suspension.Kind suspensionKind(String kind) {
		if ("EXPERT_REVIEW".equals(kind)) {
			return Suspension.Kind.EXPERT_REVIEW;
		}
		if ("ONSITE_CHECK".equals(kind)) {
			return Suspension.Kind.ONSITE_CHECK;
		}
		throw Problem.invalid("kind", "暂停计时的类型应为 EXPERT_REVIEW（专家评审）或 ONSITE_CHECK（现场核查）。");
	}

	static List<String> items(CaseWork.ActionRequest body) {
		List<String> items = body.items() == null ? List.of()
				: body.items().stream().filter(i -> i != null && !i.isBlank()).map(String::strip).distinct().toList();
		if (items.isEmpty()) {
			throw Problem.invalid("items", "一次性告知须列明需要补正的全部材料或内容。");
		}
		if (items.size() > 50 || items.stream().anyMatch(i -> i.length() > 200)) {
			throw Problem.invalid("items", "补正事项最多 50 项，每项不超过 200 字。");
		}
		return items;
	}

	static String reason(CaseWork.ActionRequest body, String missing) {
		return text(required(body.reason(), "reason", missing));
	}

	static String required(String value, String field, String message) {
		if (value == null || value.isBlank()) {
			throw Problem.invalid(field, message);
		}
		return value.strip();
	}

	static String text(String value) {
		String v = value.strip();
		if (v.length() > CaseWork.MAX_REASON) {
			throw Problem.invalid("reason", "说明不能超过 " + CaseWork.MAX_REASON + " 字。");
		}
		return v;
	}
}
