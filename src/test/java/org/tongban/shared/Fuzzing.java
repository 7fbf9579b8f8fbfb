package org.tongban.shared;

/** What the fuzz tests accept as an answer to bad input: a message in Chinese, for the person who sent it. */
public final class Fuzzing {

	private Fuzzing() {
	}

	public static void requireChinese(String message) {
		if (message == null || message.codePoints().noneMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)) {
			throw new AssertionError("not a Chinese message: " + message);
		}
	}

	/** A problem's detail and each of its field messages. */
	public static void requireChinese(Problem problem) {
		requireChinese(problem.detail());
		problem.errors().forEach(e -> requireChinese(e.message()));
	}
}
