package org.tongban.integrated;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.tongban.integrated.IndustryPackage.Condition;
import org.tongban.integrated.IndustryPackage.Contradiction;
import org.tongban.integrated.IndustryPackage.Question;
import org.tongban.shared.FieldMessage;
import org.tongban.shared.Problem;

/** Reads the questionnaire's answers into typed values and tests conditions on them. */
final class Answers {

	private Answers() {
	}

	/**
	 * Every question answered with a value of its type (yes/no → Boolean, number → BigDecimal, choice → String);
	 * refuses with one message per missing, unknown or wrong answer, then with the contradictions found.
	 */
	static Map<String, Object> read(IndustryPackage pkg, Map<String, Object> raw) {
		Map<String, Object> given = raw == null ? Map.of() : raw;
		List<FieldMessage> errors = new ArrayList<>();
		Map<String, Object> typed = new LinkedHashMap<>();
		for (Question q : pkg.questions()) {
			Object value = given.get(q.id());
			if (value == null || value instanceof String s && s.isBlank()) {
				errors.add(new FieldMessage(q.id(), "请回答：" + q.text()));
				continue;
			}
			Object parsed = parse(q, value);
			if (parsed == null) {
				errors.add(new FieldMessage(q.id(), wrongType(q)));
			}
			else {
				typed.put(q.id(), parsed);
			}
		}
		for (String key : given.keySet()) {
			if (pkg.question(key).isEmpty()) {
				errors.add(new FieldMessage(key, "“" + pkg.name() + "”没有编号为“" + key + "”的问题。"));
			}
		}
		if (!errors.isEmpty()) {
			throw Problem.invalid(errors);
		}
		List<FieldMessage> contradictions = new ArrayList<>();
		for (Contradiction c : pkg.contradictions() == null ? List.<Contradiction>of() : pkg.contradictions()) {
			if (holds(c.when(), typed)) {
				String fields = String.join(",", c.when().stream().map(Condition::question).distinct().toList());
				contradictions.add(new FieldMessage(fields, c.message()));
			}
		}
		if (!contradictions.isEmpty()) {
			throw new Problem(HttpStatus.BAD_REQUEST, "contradictory-answers", "回答相互矛盾",
					contradictions.size() == 1 ? contradictions.get(0).message()
							: "有 " + contradictions.size() + " 处回答相互矛盾，请核对。",
					contradictions);
		}
		return typed;
	}

	static String wrongType(Question q) {
		return switch (q.type()) {
			case YES_NO -> "“" + q.text() + "”请回答“是”或“否”。";
			case NUMBER -> "“" + q.text() + "”请填写" + range(q) + "的整数。";
			case CHOICE -> "“" + q.text() + "”请从以下选项中选择：" + String.join("、", q.choices()) + "。";
		};
	}

	private static String range(Question q) {
		if (q.min() != null && q.max() != null) {
			return " " + q.min().toPlainString() + " 至 " + q.max().toPlainString() + " 之间";
		}
		if (q.min() != null) {
			return "不小于 " + q.min().toPlainString();
		}
		return q.max() == null ? "" : "不大于 " + q.max().toPlainString();
	}

	private static Object parse(Question q, Object value) {
		switch (q.type()) {
			case YES_NO -> {
				if (value instanceof Boolean b) {
					return b;
				}
				String s = value.toString().strip();
				if (s.equals("true") || s.equals("是") || s.equals("yes")) {
					return Boolean.TRUE;
				}
				if (s.equals("false") || s.equals("否") || s.equals("no")) {
					return Boolean.FALSE;
				}
				return null;
			}
			case NUMBER -> {
				BigDecimal n;
				try {
					n = value instanceof Number number ? new BigDecimal(number.toString())
							: new BigDecimal(value.toString().strip());
				}
				catch (NumberFormatException ex) {
					return null;
				}
				if (n.stripTrailingZeros().scale() > 0 || q.min() != null && n.compareTo(q.min()) < 0
						|| q.max() != null && n.compareTo(q.max()) > 0) {
					return null;
				}
				return n;
			}
			case CHOICE -> {
				String s = value.toString().strip();
				return q.choices() != null && q.choices().contains(s) ? s : null;
			}
		}
		return null;
	}

	/** Whether every condition holds on the typed answers (an empty list always holds). */
	static boolean holds(List<Condition> conditions, Map<String, Object> typed) {
		if (conditions == null) {
			return true;
		}
		for (Condition c : conditions) {
			if (!holds(c, typed.get(c.question()))) {
				return false;
			}
		}
		return true;
	}

	private static boolean holds(Condition c, Object answer) {
		if (answer == null) {
			return false;
		}
		if (c.equals() != null) {
			if (answer instanceof BigDecimal n) {
				if (!(c.equals() instanceof Number e) || n.compareTo(new BigDecimal(e.toString())) != 0) {
					return false;
				}
			}
			else if (!answer.toString().equals(c.equals().toString())) {
				return false;
			}
		}
		if (c.atLeast() != null && !(answer instanceof BigDecimal n && n.compareTo(c.atLeast()) >= 0)) {
			return false;
		}
		if (c.atMost() != null && !(answer instanceof BigDecimal n && n.compareTo(c.atMost()) <= 0)) {
			return false;
		}
		return c.in() == null || c.in().contains(answer.toString());
	}
}
