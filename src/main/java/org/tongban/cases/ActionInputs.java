package org.tongban.cases;

import java.util.List;

import org.tongban.shared.Problem;

/** What an action's body must hold, checked with a message in Chinese naming the field. */
final class ActionInputs {

	private ActionInputs() {
	}

	/** The longest stop a decision may announce, in working days: about a year. */
	static final int MAX_EXPECTED_DAYS = 250;

	/**
	 * The kind of a clock stop after acceptance: one of the procedures art. 45 names, or an on-site check where
	 * the guide lets it stop the promised clock (it never stops the statutory one, so elsewhere it is no stop).
	 */
	static Suspension.Kind suspensionKind(String kind, boolean onsiteStopsPromised) {
		for (Suspension.Kind k : Suspension.Kind.values()) {
			if (k.name().equals(kind) && k.stopsStatutoryClock()) {
				return k;
			}
		}
		if (Suspension.Kind.ONSITE_CHECK.name().equals(kind)) {
			if (onsiteStopsPromised) {
				return Suspension.Kind.ONSITE_CHECK;
			}
			throw Problem.invalid("kind", "现场核查所需时间计入法定办理期限（《行政许可法》第四十五条未将其排除），本事项的办事指南也未规定其停止承诺时限，不能暂停计时。");
		}
		throw Problem.invalid("kind", "暂停计时须为《行政许可法》第四十五条规定的听证、招标、拍卖、检验、检测、检疫、鉴定或专家评审"
				+ "（HEARING、TENDER、AUCTION、INSPECTION、TESTING、QUARANTINE、APPRAISAL、EXPERT_REVIEW）。");
	}

	/** Art. 45: the time the procedure needs is told to the applicant in writing. */
	static int expectedDays(Integer days) {
		if (days == null || days < 1 || days > MAX_EXPECTED_DAYS) {
			throw Problem.invalid("expectedDays", "请填写预计所需的工作日数（1 至 " + MAX_EXPECTED_DAYS + "），将书面告知申请人。");
		}
		return days;
	}

	static List<String> items(CaseHandling.ActionRequest body) {
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

	static String reason(CaseHandling.ActionRequest body, String missing) {
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
		if (v.length() > CaseHandling.MAX_REASON) {
			throw Problem.invalid("reason", "说明不能超过 " + CaseHandling.MAX_REASON + " 字。");
		}
		return v;
	}
}
