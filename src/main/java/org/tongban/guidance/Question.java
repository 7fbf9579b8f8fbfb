package org.tongban.guidance;

/**
 * A question as typed, made safe to search: control characters dropped, whitespace collapsed and cut
 * to {@link #MAX_LENGTH} characters, so a pasted page costs no more than a sentence.
 */
record Question(String text) {

	static final int MAX_LENGTH = 200;

	static Question of(String raw) {
		if (raw == null) {
			return new Question("");
		}
		StringBuilder s = new StringBuilder(Math.min(raw.length(), MAX_LENGTH));
		int count = 0;
		boolean space = false;
		for (int i = 0; i < raw.length() && count < MAX_LENGTH;) {
			int cp = raw.codePointAt(i);
			i += Character.charCount(cp);
			if (Character.isWhitespace(cp) || Character.isSpaceChar(cp) || Character.isISOControl(cp)) {
				space = s.length() > 0;
				continue;
			}
			if (space) {
				s.append(' ');
				count++;
				space = false;
			}
			s.appendCodePoint(cp);
			count++;
		}
		return new Question(s.toString());
	}

	/** False for empty input and input of punctuation and symbols only: there is nothing to look for. */
	boolean searchable() {
		return text.codePoints().anyMatch(Character::isLetterOrDigit);
	}
}
