package org.tongban.guidance;

import java.util.List;

/**
 * What the assistant (智能客服) answers: the text, the guide sections it rests on, and whether every
 * statement is supported by them. {@code statements} is the same answer sentence by sentence, each with the
 * numbers (1-based) of the citations it rests on, for pages that link every sentence to its source.
 */
public record Answer(String answer, List<Citation> citations, boolean grounded, List<Statement> statements) {

	/**
	 * A section of one published guide version: {@code section} its path for programs (e.g.
	 * {@code situations[CHANGE].materials}, {@code fee}), {@code title} its name for people (e.g. “变更注册”情形的材料).
	 */
	public record Citation(String code, String name, int version, String section, String title, String url) {
	}

	/** One sentence or bullet of the answer and the citations (1-based) it rests on. */
	public record Statement(String text, List<Integer> citations) {
	}
}
