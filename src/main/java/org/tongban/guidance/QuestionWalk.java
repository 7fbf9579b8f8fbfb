package org.tongban.guidance;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.tongban.catalogue.GuideContent.Option;
import org.tongban.catalogue.GuideContent.Question;
import org.tongban.shared.Problem;

/**
 * Walks a guide's situation question tree from its first question, following the applicant's answers,
 * to one situation. An answer is an option's label or its index (0-based) in the question's options.
 * Answers to questions off the path are ignored: a changed first answer may leave a stale later one behind.
 */
final class QuestionWalk {

	/** One answered question on the path. */
	record Answered(String questionId, String question, int index, String option) {
	}

	/**
	 * Where the walk stopped: at a situation ({@code situation} set), or at the first question on the
	 * path still without an answer ({@code pending} set).
	 */
	record Step(List<Answered> answered, Question pending, String situation) {

		boolean done() {
			return situation != null;
		}
	}

	private QuestionWalk() {
	}

	/** The whole walk: every question on the path must be answered. */
	static Step walk(List<Question> questions, List<String> situations, Map<String, String> answers) {
		Step step = next(questions, situations, answers);
		if (!step.done()) {
			Question q = step.pending();
			throw Problem.invalid(q.id(), "请回答问题“" + q.text() + "”。");
		}
		return step;
	}

	/** As far as the answers lead; stops at the first unanswered question on the path. */
	static Step next(List<Question> questions, List<String> situations, Map<String, String> answers) {
		if (questions.isEmpty()) {
			if (situations.size() == 1) {
				return new Step(List.of(), null, situations.get(0));
			}
			throw Problem.unprocessable("no-questions", "无法引导", "本事项的办事指南没有设置引导问题。", List.of());
		}
		List<Answered> answered = new ArrayList<>();
		Set<String> visited = new HashSet<>();
		Question q = questions.get(0);
		while (true) {
			if (!visited.add(q.id())) {
				throw new IllegalStateException("question tree loops at " + q.id());
			}
			String answer = answers.get(q.id());
			if (answer == null || answer.isBlank()) {
				return new Step(List.copyOf(answered), q, null);
			}
			int index = option(q, answer.strip());
			Option o = q.options().get(index);
			answered.add(new Answered(q.id(), q.text(), index, o.label()));
			if (o.situation() != null) {
				return new Step(List.copyOf(answered), null, o.situation());
			}
			q = find(questions, o.next());
		}
	}

	private static int option(Question q, String answer) {
		List<Option> options = q.options();
		for (int i = 0; i < options.size(); i++) {
			if (options.get(i).label().equals(answer)) {
				return i;
			}
		}
		if (answer.matches("\\d{1,3}") && Integer.parseInt(answer) < options.size()) {
			return Integer.parseInt(answer);
		}
		throw Problem.invalid(q.id(), "“" + harmless(answer) + "”不是问题“" + q.text() + "”的选项，请从给出的选项中选择。");
	}

	private static Question find(List<Question> questions, String id) {
		return questions.stream().filter(q -> q.id().equals(id)).findFirst()
				.orElseThrow(() -> new IllegalStateException("option leads to unknown question " + id));
	}

	/** The answer as told back: short, and without characters that could become markup wherever it is shown. */
	static String harmless(String answer) {
		String cleaned = answer.replaceAll("[<>&\"'`\\p{Cntrl}]", "");
		return cleaned.length() > 40 ? cleaned.substring(0, 40) + "…" : cleaned;
	}
}
