package org.tongban.reports;

import java.util.List;

import org.tongban.cases.CaseStatistics;

/**
 * The report's three charts as SVG, for the PDF and the page alike: each item's outcomes, the channels, and the
 * share of notice-commitment. Labels are escaped by {@link Charts}.
 */
public record LicensingCharts(String outcomes, String channels, String commitment) {

	static final List<Charts.Part> OUTCOMES = List.of(new Charts.Part("准予许可", 0, "#15803d"),
			new Charts.Part("不予许可", 0, "#b91c1c"), new Charts.Part("不予受理", 0, "#d97706"),
			new Charts.Part("撤回", 0, "#6b7280"), new Charts.Part("在办", 0, "#1d4ed8"));

	public static LicensingCharts of(CaseStatistics.Year data) {
		CaseStatistics.Figures t = data.totals();
		return new LicensingCharts(
				Charts.stackedBars("各事项办理结果（件）", data.lines().stream().map(LicensingCharts::bar).toList(), OUTCOMES),
				Charts.pie("办理渠道", List.of(new Charts.Part("网上办理", t.online(), "#1d4ed8"),
						new Charts.Part("窗口办理", t.window(), "#f59e0b"))),
				Charts.pie("告知承诺制占比", List.of(new Charts.Part("告知承诺", t.noticeCommitment(), "#15803d"),
						new Charts.Part("一般程序", t.submitted() - t.noticeCommitment(), "#9ca3af"))));
	}

	private static Charts.Bar bar(CaseStatistics.Line line) {
		CaseStatistics.Figures f = line.figures();
		int[] values = {f.granted(), f.denied(), f.refused(), f.withdrawn(), f.open()};
		List<Charts.Part> parts = new java.util.ArrayList<>();
		for (int i = 0; i < values.length; i++) {
			Charts.Part legend = OUTCOMES.get(i);
			parts.add(new Charts.Part(legend.label(), values[i], legend.colour()));
		}
		return new Charts.Bar(line.itemName() + "·" + line.situationName(), parts);
	}
}
