package org.tongban.guidance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.tongban.catalogue.GuideContent.Option;
import org.tongban.catalogue.GuideContent.Question;
import org.tongban.shared.Problem;

/** The question tree leads from its first question, answer by answer, to exactly one situation. */
class WalkingTheQuestionTreeTests {

	private static final List<Question> NURSE = List.of(
			new Question("kind", "您要办理哪一类业务？", List.of(new Option("首次注册", null, "NEW"),
					new Option("换了工作单位", null, "CHANGE"), new Option("以前注册过", "why", null))),
			new Question("why", "重新注册的原因是？", List.of(new Option("过期未延续", null, "REREGISTER"),
					new Option("中断执业超过3年", null, "REREGISTER_TRAINING"))));

	private static final List<String> SITUATIONS = List.of("NEW", "CHANGE", "REREGISTER", "REREGISTER_TRAINING");

	@Test
	void anAnswerByLabelLeadsStraightToItsSituation() {
		QuestionWalk.Step step = QuestionWalk.walk(NURSE, SITUATIONS, Map.of("kind", "换了工作单位"));
		assertThat(step.situation()).isEqualTo("CHANGE");
		assertThat(step.answered()).extracting(QuestionWalk.Answered::option).containsExactly("换了工作单位");
	}

	@Test
	void anAnswerByIndexFollowsTheBranchToTheFollowUpQuestion() {
		QuestionWalk.Step step = QuestionWalk.walk(NURSE, SITUATIONS, Map.of("kind", "2", "why", " 1 "));
		assertThat(step.situation()).isEqualTo("REREGISTER_TRAINING");
		assertThat(step.answered()).extracting(QuestionWalk.Answered::questionId).containsExactly("kind", "why");
	}

	@Test
	void answersOffThePathAreIgnored() {
		assertThat(QuestionWalk.walk(NURSE, SITUATIONS, Map.of("kind", "0", "why", "1")).situation()).isEqualTo("NEW");
	}

	@Test
	void aSkippedQuestionOnThePathIsNamedWithItsText() {
		assertThatThrownBy(() -> QuestionWalk.walk(NURSE, SITUATIONS, Map.of("kind", "以前注册过")))
				.isInstanceOfSatisfying(Problem.class, p -> {
					assertThat(p.errors().get(0).field()).isEqualTo("why");
					assertThat(p.errors().get(0).message()).contains("重新注册的原因是？");
				});
		assertThatThrownBy(() -> QuestionWalk.walk(NURSE, SITUATIONS, Map.of("kind", " ")))
				.isInstanceOfSatisfying(Problem.class, p -> assertThat(p.errors().get(0).field()).isEqualTo("kind"));
	}

	@Test
	void theNextStepStopsAtTheFirstOpenQuestion() {
		QuestionWalk.Step step = QuestionWalk.next(NURSE, SITUATIONS, Map.of("kind", "2"));
		assertThat(step.done()).isFalse();
		assertThat(step.pending().id()).isEqualTo("why");
	}

	@Test
	void anUnknownOptionIsRefusedWithoutEchoingMarkup() {
		for (String answer : new String[] { "3", "-1", "换工作", "<script>alert(1)</script>" }) {
			assertThatThrownBy(() -> QuestionWalk.walk(NURSE, SITUATIONS, Map.of("kind", answer)))
					.isInstanceOfSatisfying(Problem.class, p -> {
						assertThat(p.errors().get(0).field()).isEqualTo("kind");
						assertThat(p.errors().get(0).message()).contains("不是问题“您要办理哪一类业务？”的选项")
								.doesNotContain("<", ">");
					});
		}
	}

	@Test
	void anItemWithOneSituationAndNoQuestionsNeedsNoAnswers() {
		assertThat(QuestionWalk.walk(List.of(), List.of("ONLY"), Map.of()).situation()).isEqualTo("ONLY");
	}
}
