package org.tongban.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.tongban.catalogue.Guide;
import org.tongban.catalogue.ItemType;
import org.tongban.catalogue.LawStatus;

/** Each decision against an applicant states its reasons, the article it rests on and both rights with their periods and bodies. */
class DecisionNoticesTests {

	static final LocalDate RECEIVED = LocalDate.of(2026, 6, 15);
	static final LocalDate DECIDED = LocalDate.of(2026, 6, 17);
	static final List<Guide.LegalBasis> BASIS = List.of(
			new Guide.LegalBasis("law-occupational-disease", "中华人民共和国职业病防治法", LawStatus.CURRENT, "第八十九条"),
			new Guide.LegalBasis("rule-radiation-workers", "放射工作人员职业健康管理办法", LawStatus.CURRENT, "第六条"),
			new Guide.LegalBasis("rule-radiation-workers", "放射工作人员职业健康管理办法", LawStatus.CURRENT, "第七条"),
			new Guide.LegalBasis("sh-one-industry", "上海市一业一证改革试点实施方案", LawStatus.CURRENT, "全文"));

	static DecisionNoticesTests.Written write(DecisionNotice.Kind kind, ItemType type, String reasons) {
		return new Written(DecisionNotices.compose(new DecisionNotices.Facts(kind, type, "张三", "放射工作人员证（新办）",
				RECEIVED, kind == DecisionNotice.Kind.REVOCATION ? RECEIVED : null, reasons, DECIDED, 3, BASIS)));
	}

	record Written(DecisionNotice notice) {
		/** Both rights, with their periods, laws and bodies, in every document. */
		void statesBothRights() {
			assertThat(notice.rights()).contains("六十日内").contains("《中华人民共和国行政复议法》第二十条")
					.contains("向上海市浦东新区人民政府申请行政复议").contains("六个月内")
					.contains("《中华人民共和国行政诉讼法》第四十六条").contains("向有管辖权的人民法院提起行政诉讼");
			assertThat(notice.text()).contains("权利告知：" + notice.rights()).contains("上海市浦东新区卫生健康委员会")
					.contains("2026年6月17日").startsWith(notice.title() + "\n张三：");
		}
	}

	@Test
	void aRefusalStatesItsReasonsArticleThirtyTwoAndTheRights() {
		Written w = write(DecisionNotice.Kind.REFUSAL, ItemType.LICENSING, "申请事项不属于本机关职权范围。");
		DecisionNotice n = w.notice();
		assertThat(n.title()).isEqualTo("不予受理决定书");
		assertThat(n.decision()).isEqualTo("您于2026年6月15日提出的“放射工作人员证（新办）”申请，经审查，本机关决定不予受理。");
		// the staff's sentence keeps one full stop
		assertThat(n.reasons()).isEqualTo("申请事项不属于本机关职权范围。");
		assertThat(n.basis()).startsWith("《中华人民共和国行政许可法》第三十二条；本事项的办理依据：")
				.contains("《中华人民共和国职业病防治法》第八十九条，《放射工作人员职业健康管理办法》第六条、第七条，《上海市一业一证改革试点实施方案》。");
		assertThat(n.text()).contains("理由：申请事项不属于本机关职权范围。\n依据：《中华人民共和国行政许可法》第三十二条");
		assertThat(n.date()).isEqualTo(DECIDED);
		w.statesBothRights();
	}

	@Test
	void aDenialOfALicenceRestsOnArticleThirtyEightParagraphTwo() {
		Written w = write(DecisionNotice.Kind.DENIAL, ItemType.LICENSING, "执业场所不符合要求");
		assertThat(w.notice().title()).isEqualTo("不予许可决定书");
		assertThat(w.notice().decision()).endsWith("本机关决定不予许可。");
		assertThat(w.notice().reasons()).isEqualTo("执业场所不符合要求。");
		assertThat(w.notice().basis()).startsWith("《中华人民共和国行政许可法》第三十八条第二款；");
		w.statesBothRights();
	}

	@Test
	void aRevocationAfterAFalseCommitmentRestsOnArticleSixtyNineAndTheStateCouncilOpinion() {
		Written w = write(DecisionNotice.Kind.REVOCATION, ItemType.LICENSING, "放射防护设施未按承诺配置");
		DecisionNotice n = w.notice();
		assertThat(n.title()).isEqualTo("撤销许可决定书");
		assertThat(n.decision()).contains("本机关已于2026年6月15日依告知承诺制准予许可")
				.contains("承诺内容与实际情况不符").endsWith("本机关决定撤销该许可。");
		assertThat(n.reasons()).isEqualTo("承诺内容与实际情况不符。核查情况：放射防护设施未按承诺配置。");
		assertThat(n.basis()).startsWith("《中华人民共和国行政许可法》第六十九条第二款；"
				+ "《国务院办公厅关于全面推行证明事项和涉企经营许可事项告知承诺制的指导意见》（国办发〔2020〕42号）；");
		w.statesBothRights();
	}

	@Test
	void aFilingOrPublicServiceIsNotDecidedUnderTheLicensingLaw() {
		Written filing = write(DecisionNotice.Kind.DENIAL, ItemType.FILING, "不符合中医诊所基本标准");
		assertThat(filing.notice().title()).isEqualTo("不予备案决定书");
		assertThat(filing.notice().basis()).doesNotContain("行政许可法").startsWith("本事项的办理依据：");
		filing.statesBothRights();
		Written revoked = write(DecisionNotice.Kind.REVOCATION, ItemType.FILING, "主要负责人执业年限不足");
		assertThat(revoked.notice().title()).isEqualTo("撤销备案决定书");
		assertThat(revoked.notice().basis()).doesNotContain("行政许可法").contains("国办发〔2020〕42号");
		DecisionNotice service = DecisionNotices.compose(new DecisionNotices.Facts(DecisionNotice.Kind.REFUSAL,
				ItemType.PUBLIC_SERVICE, "张三", "老年人健康体检", RECEIVED, null, "不在服务范围", DECIDED, 2, List.of()));
		// without a legal basis in the guide, the guide itself is named rather than an invented law
		assertThat(service.basis()).isEqualTo("本事项办事指南（第 2 版）规定的办理条件。");
		new Written(service).statesBothRights();
	}

	@Test
	void lawsAreCitedInTitleMarksWithTheDocumentNumberOutside() {
		assertThat(DecisionNotices.titled("医疗机构管理条例")).isEqualTo("《医疗机构管理条例》");
		assertThat(DecisionNotices.titled("大型医用设备配置与使用管理办法（试行）")).isEqualTo("《大型医用设备配置与使用管理办法（试行）》");
		assertThat(DecisionNotices.titled("上海市人民政府印发《关于在全市范围推广实施“一业一证”改革的指导意见》的通知（沪府规〔2021〕5号）"))
				.isEqualTo("《上海市人民政府印发〈关于在全市范围推广实施“一业一证”改革的指导意见〉的通知》（沪府规〔2021〕5号）");
	}

	@Test
	void onlyRefusalsDenialsAndRevocationsAreWrittenDecisions() {
		assertThat(DecisionNotices.kindOf(entry("refuse"))).contains(DecisionNotice.Kind.REFUSAL);
		assertThat(DecisionNotices.kindOf(entry("deny"))).contains(DecisionNotice.Kind.DENIAL);
		assertThat(DecisionNotices.kindOf(entry("revoke"))).contains(DecisionNotice.Kind.REVOCATION);
		// a reviewer's negative opinion is internal; the decision comes later
		assertThat(DecisionNotices.kindOf(entry("review-deny"))).isEmpty();
		assertThat(DecisionNotices.kindOf(entry("resume"))).isEmpty();
		assertThat(DecisionNotices.kindOf(entry(null))).isEmpty();
	}

	private static TimelineEntry entry(String action) {
		return new TimelineEntry(CaseStatus.UNDER_REVIEW, "clerk", java.time.Instant.parse("2026-06-17T02:00:00Z"), "x",
				action, List.of());
	}
}
