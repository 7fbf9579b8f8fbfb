package org.tongban.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.json.JsonMapper;

/**
 * A situation's own limit and its 告知承诺 marking are guide content like any other: versioned with the guide and
 * shown in the comparison of two versions; the checks refuse a marking the law does not allow.
 */
class ComparingTimeLimitRulesTests {

	private static GuideContent.Situation change(Integer statutoryDays, Boolean commitment, Boolean onSite) {
		return new GuideContent.Situation("CHANGE", "变更注册", "换医院", List.of(), statutoryDays, 5, "RECEIPT",
				"《护士执业注册管理办法》第十九条", commitment, onSite);
	}

	private static GuideContent content(GuideContent.Situation situation, boolean commitmentApplies) {
		return new GuideContent("护士执业注册", null, List.of(new GuideContent.Citation("reg-nurses", "第七条")), 20, 5, false,
				"不收费", new GuideContent.Channels(true, true, "窗口", "工作日", "12345"),
				new GuideContent.NoticeCommitment(commitmentApplies, List.of("条件"), 90, "依据"), List.of("护士证"), List.of(),
				new ArrayList<>(List.of(situation)), List.of(), List.of(), null, 30,
				new GuideContent.TimeLimitRules("ACCEPTANCE", null, false), null);
	}

	@Test
	void aSituationsOwnLimitShowsInTheComparisonOfTwoVersions() {
		var changes = GuideDiffer.diff(content(change(7, null, null), false), content(change(10, null, null), false),
				JsonMapper.builder().build());
		assertThat(changes).extracting(GuideDiff.Change::path).containsExactly("situations[CHANGE].statutoryDays");
	}

	@Test
	void noticeCommitmentIsRefusedWhereTheItemDoesNotApplyItOrAnOnSiteCheckComesFirst() {
		assertThat(GuideRules.check(content(change(7, true, null), false), java.util.Set.of("reg-nurses")))
				.anyMatch(e -> e.field().equals("situations[0].noticeCommitment") && e.message().contains("未实行告知承诺制"));
		assertThat(GuideRules.check(content(change(7, true, true), true), java.util.Set.of("reg-nurses")))
				.anyMatch(e -> e.message().contains("现场核查"));
		assertThat(GuideRules.check(content(change(7, true, false), true), java.util.Set.of("reg-nurses"))).isEmpty();
	}
}
