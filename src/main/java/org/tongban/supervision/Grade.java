package org.tongban.supervision;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * An entity's credit grade, risk grade and combined class (A best … D worst), each explained by the rules that
 * made it: {@link #of} is the whole of the grading, a pure function of the sector, the credit events within the
 * rules' window and the rules.
 */
public record Grade(char credit, char risk, char combined, int score, List<Reason> reasons) {

	/** Why: which aspect, what the rule found, and the rule's legal basis. */
	public record Reason(String aspect, String text, String basis) {
	}

	/** A credit event as grading sees it. */
	public record Event(String kind, LocalDate occurredOn, String note) {
	}

	/** Grades as of {@code today}, which decides whether a relief (a recent self-check) still holds. */
	public static Grade of(Sector sector, List<Event> events, GradingRules.Rules rules, LocalDate today) {
		List<Reason> reasons = new ArrayList<>();
		int score = rules.start();
		reasons.add(new Reason("信用", "起始分 " + rules.start() + " 分（计入最近 " + rules.windowYears() + " 年的信用事件）",
				rules.creditBasis()));
		for (Event e : events) {
			GradingRules.CreditRule rule = rules.events().get(e.kind());
			if (rule == null) {
				continue;
			}
			score += rule.points();
			reasons.add(new Reason("信用", e.occurredOn() + " " + rule.label() + "：" + e.note() + "（"
					+ (rule.points() > 0 ? "+" : "") + rule.points() + " 分）", rule.basis()));
		}
		char credit = score >= rules.thresholdA() ? 'A' : score >= rules.thresholdB() ? 'B'
				: score >= rules.thresholdC() ? 'C' : 'D';
		reasons.add(new Reason("信用", "合计 " + score + " 分，信用等级 " + credit + "（A ≥ " + rules.thresholdA() + "，B ≥ "
				+ rules.thresholdB() + "，C ≥ " + rules.thresholdC() + "，其余 D）", rules.creditBasis()));

		GradingRules.SectorRule base = rules.sectors().get(sector);
		char risk = base.grade();
		reasons.add(new Reason("风险", "行业“" + sector.label() + "”的基础风险等级 " + base.grade(), base.basis()));
		for (var entry : rules.history().entrySet()) {
			long count = events.stream().filter(e -> e.kind().equals(entry.getKey())).count();
			GradingRules.HistoryRule rule = entry.getValue();
			if (count >= rule.atLeast() && risk < 'D') {
				char raised = (char) Math.min('D', risk + rule.raise());
				reasons.add(new Reason("风险", rule.label() + "（" + count + " 起）：由 " + risk + " 提高到 " + raised, rule.basis()));
				risk = raised;
			}
		}
		for (var entry : rules.relief().entrySet()) {
			GradingRules.ReliefRule rule = entry.getValue();
			LocalDate since = today.minusMonths(rule.validMonths());
			Event latest = events.stream().filter(e -> e.kind().equals(entry.getKey()) && e.occurredOn().isAfter(since))
				.reduce((a, b) -> b).orElse(null);
			if (latest == null) {
				continue;
			}
			List<String> barring = events.stream().map(Event::kind).filter(rule.excludedBy()::contains).distinct()
				.map(k -> rules.events().containsKey(k) ? rules.events().get(k).label() : k).toList();
			if (!barring.isEmpty()) {
				reasons.add(new Reason("风险", latest.occurredOn() + " " + rule.label() + "：" + latest.note() + "；但有效期内有"
						+ String.join("、", barring) + "，不予降级", rule.basis()));
			}
			else if (risk > 'A') {
				char lowered = (char) Math.max('A', risk - rule.lower());
				reasons.add(new Reason("风险", latest.occurredOn() + " " + rule.label() + "：" + latest.note() + "（" + rule.validMonths()
						+ " 个月内有效，至 " + latest.occurredOn().plusMonths(rule.validMonths()) + "）：由 " + risk + " 降低到 " + lowered,
						rule.basis()));
				risk = lowered;
			}
			else {
				reasons.add(new Reason("风险", latest.occurredOn() + " " + rule.label() + "：" + latest.note() + "；风险等级已是 A，不再降低",
						rule.basis()));
			}
		}
		char combined = (char) Math.max(credit, risk);
		reasons.add(new Reason("综合", "取信用等级 " + credit + " 与风险等级 " + risk + " 中较差者：" + combined + " 类",
				rules.combinedBasis()));
		return new Grade(credit, risk, combined, score, List.copyOf(reasons));
	}
}
