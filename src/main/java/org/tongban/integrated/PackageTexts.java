package org.tongban.integrated;

import java.util.ArrayList;
import java.util.List;

import org.tongban.integrated.IndustryPackage.Condition;
import org.tongban.integrated.IndustryPackage.Question;

/** Conditions and validity rules as applicants read them, for the pages and documents. */
public final class PackageTexts {

	private PackageTexts() {
	}

	/** “当……时” for a list of conditions; empty for none (the item always applies). */
	public static String when(IndustryPackage pkg, List<Condition> conditions) {
		if (conditions == null || conditions.isEmpty()) {
			return "";
		}
		List<String> parts = new ArrayList<>();
		for (Condition c : conditions) {
			String q = pkg.question(c.question()).map(Question::text).orElse(c.question());
			q = q.replaceAll("[？?]$", "");
			if (c.equals() instanceof Boolean b) {
				parts.add("“" + q + "”为" + (b ? "是" : "否"));
			}
			else if (c.equals() != null) {
				parts.add("“" + q + "”为" + c.equals());
			}
			if (c.atLeast() != null) {
				parts.add("“" + q + "”不少于 " + c.atLeast().toPlainString());
			}
			if (c.atMost() != null) {
				parts.add("“" + q + "”不超过 " + c.atMost().toPlainString());
			}
			if (c.in() != null) {
				parts.add("“" + q + "”为" + String.join("或", c.in()));
			}
		}
		return "当" + String.join("且", parts) + "时";
	}

	/** The unified validity rule in a sentence. */
	public static String validity(IndustryPackage pkg) {
		if (pkg.validity() == null || pkg.validity().rule() == null) {
			return "";
		}
		return switch (pkg.validity().rule()) {
			case EARLIEST_EXPIRY -> "统一有效期：取各单项许可中最早届满的日期";
			case COMMON_TERM -> "统一有效期：" + pkg.validity().years() + " 年，期满各单项许可一并延续";
		};
	}
}
