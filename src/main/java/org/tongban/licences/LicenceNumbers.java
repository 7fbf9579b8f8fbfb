package org.tongban.licences;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Formats licence numbers from an item's pattern: {@code {yyyy}} is the year, {@code {seq:N}} the sequence padded to N digits. */
final class LicenceNumbers {

	private static final Pattern SEQ = Pattern.compile("\\{seq:(\\d+)}");

	private LicenceNumbers() {
	}

	static boolean hasYear(String pattern) {
		return pattern.contains("{yyyy}");
	}

	static String format(String pattern, int year, long seq) {
		Matcher m = SEQ.matcher(pattern.replace("{yyyy}", String.format("%04d", year)));
		if (!m.find()) {
			throw new IllegalStateException("Licence number pattern without {seq:N}: " + pattern);
		}
		int width = Integer.parseInt(m.group(1));
		String digits = String.format("%0" + width + "d", seq);
		return m.replaceFirst(Matcher.quoteReplacement(digits));
	}
}
