package org.tongban.guidance;

import java.util.HashSet;
import java.util.Set;

/**
 * Whether a question is about a guide at all. The search always ranks something first (its scores are
 * reciprocal ranks), so the assistant also asks that the question shares a content word pair with the guide.
 */
final class Relevance {

	// pairs every question has ("怎么办", "需要什么"): they say nothing about the subject
	private static final Set<String> STOP = Set.of("怎么", "么办", "什么", "哪里", "需要", "要什", "如何", "办理", "可以",
			"么样", "怎样", "请问", "我要", "我想", "想办", "要办", "一下", "了怎", "的话", "是否", "多少", "多久", "时间",
			"材料", "哪些", "些材", "在哪", "里办", "么材", "办什", "了吗", "要多",
			// words of every procedure: "结婚登记" shares "登记" with 生育登记 but is the civil-affairs bureau's
			"登记", "申请", "手续", "流程", "证明");

	private Relevance() {
	}

	/** Pairs of adjacent letters (Han characters, letters, digits) of the text, without the stop pairs. */
	static Set<String> bigrams(String text) {
		Set<String> out = new HashSet<>();
		if (text == null) {
			return out;
		}
		// a pair never spans a space or punctuation: "护士证补办 护士证遗失" has no "办护"
		int[] cps = text.codePoints().toArray();
		for (int i = 0; i + 1 < cps.length; i++) {
			if (Character.isLetterOrDigit(cps[i]) && Character.isLetterOrDigit(cps[i + 1])) {
				String pair = new String(cps, i, 2);
				if (!STOP.contains(pair)) {
					out.add(pair);
				}
			}
		}
		return out;
	}

	static int overlap(Set<String> a, Set<String> b) {
		int n = 0;
		for (String s : a) {
			if (b.contains(s)) {
				n++;
			}
		}
		return n;
	}
}
