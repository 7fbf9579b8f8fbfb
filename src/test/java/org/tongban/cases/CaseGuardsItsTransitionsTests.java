package org.tongban.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.tongban.shared.Problem;

/** The case refuses a transition its status and step do not allow, whoever calls it: no service can skip a rule. */
class CaseGuardsItsTransitionsTests {

	private static final Instant NOW = Instant.parse("2026-06-15T02:00:00Z");
	private static final LocalDate TODAY = LocalDate.of(2026, 6, 15);

	private static Case submitted(Step step) {
		Case.Handling h = new Case.Handling();
		h.noticeCommitment = step == Step.POST_VERIFY;
		Case c = Case.draft("PD-WJW-XK-010", "中医诊所", "NEW", "新办", 1,
				new Applicant(Applicant.Kind.PERSON, "310115198503151230", null, "张三", null, "citizen"), Channel.ONLINE,
				Map.of("phone", "13800000000"), h, NOW);
		c.submit("citizen", NOW);
		h.step = step;
		return c;
	}

	@Test
	void aDraftCannotBeRefusedOrCorrected() {
		Case c = submitted(Step.ACCEPT);
		Case draft = Case.draft("PD-WJW-XK-010", "中医诊所", "NEW", "新办", 1, c.applicant(), Channel.ONLINE, Map.of(),
				new Case.Handling(), NOW);
		assertThatThrownBy(() -> draft.refuse("clerk", NOW, "x")).isInstanceOf(Problem.class)
				.hasMessageContaining("不能不予受理");
		assertThatThrownBy(() -> draft.requestCorrection("clerk", NOW, TODAY, List.of("x"), null)).isInstanceOf(Problem.class);
	}

	/** 《行政许可法》第三十二条: one correction notice per case. */
	@Test
	void aSecondCorrectionNoticeIsRefusedByTheCaseItself() {
		Case c = submitted(Step.ACCEPT);
		c.handling.corrections = 1;
		assertThatThrownBy(() -> c.requestCorrection("clerk", NOW, TODAY, List.of("场所平面图"), null))
				.isInstanceOf(Problem.class).hasMessageContaining("第三十二条");
		assertThat(c.status()).isEqualTo(CaseStatus.SUBMITTED);
	}

	@Test
	void onlyTheDecideStepDecidesAndOnlyTheReviewStepReviews() {
		Case atReview = submitted(Step.ACCEPT);
		assertThatThrownBy(() -> atReview.review(true, "approver", NOW, null)).isInstanceOf(Problem.class);
		assertThatThrownBy(() -> atReview.decideAsDecider(true, "approve", "approver", NOW, TODAY, null, false))
				.isInstanceOf(Problem.class).hasMessageContaining("不能作出决定");
		assertThatThrownBy(() -> atReview.sendBack("approver", NOW, "x")).isInstanceOf(Problem.class);
	}

	/** 《行政许可法》第七条: the holder is heard before a revocation. */
	@Test
	void aRevocationNeedsTheNoticeAndTheHoldersStatementOrItsPeriodPassed() {
		Case c = submitted(Step.POST_VERIFY);
		c.decide(true, "grant", "system", NOW, "告知承诺");
		assertThat(c.status()).isEqualTo(CaseStatus.GRANTED);
		assertThatThrownBy(() -> c.revoke("inspector", NOW, TODAY, "不实")).isInstanceOf(Problem.class)
				.hasMessageContaining("陈述申辩");
		assertThatThrownBy(() -> c.stateCase("citizen", NOW, TODAY, "说明")).isInstanceOf(Problem.class);
		c.noticeRevocation("inspector", NOW, TODAY, TODAY.plusDays(7), "不实");
		assertThatThrownBy(() -> c.revoke("inspector", NOW, TODAY.plusDays(7), "不实")).isInstanceOf(Problem.class);
		c.revoke("inspector", NOW, TODAY.plusDays(8), "不实");
		assertThat(c.status()).isEqualTo(CaseStatus.REVOKED);
		assertThat(c.takeEvents()).anyMatch(e -> e instanceof CommitmentBroken);
	}
}
