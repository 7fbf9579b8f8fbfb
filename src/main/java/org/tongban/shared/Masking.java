package org.tongban.shared;

/**
 * Masks personal data for lists and registers (个人信息保护法: the least that serves the purpose): an ID
 * number keeps its first 4 and last 4 characters ({@code 3101**********1230}), a phone number its first 3 and
 * last 4 ({@code 138****5678}), a name its first character. The full value is shown only on the page of the
 * one record, to those whose duty covers it, and each such view is logged.
 */
public final class Masking {

	private Masking() {
	}

	/** A resident ID number (or any identifier of 8 characters or more): first 4 and last 4 kept. */
	public static String idNumber(String value) {
		return keep(value, 4, 4);
	}

	/** A phone number: first 3 and last 4 digits kept (a short number keeps less). */
	public static String phone(String value) {
		return keep(value, 3, 4);
	}

	/** A person's name: the first character kept ({@code 张*}, {@code 欧**}). */
	public static String name(String value) {
		if (value == null || value.isBlank()) {
			return value;
		}
		int first = value.offsetByCodePoints(0, 1);
		return value.substring(0, first) + "*".repeat(value.codePointCount(first, value.length()));
	}

	private static String keep(String value, int head, int tail) {
		if (value == null || value.isBlank()) {
			return value;
		}
		String v = value.strip();
		int n = v.length();
		if (n <= 2) {
			return "*".repeat(n);
		}
		if (n < head + tail + 1) {
			// too short to keep both ends: keep the last quarter only
			int keep = Math.max(1, n / 4);
			return "*".repeat(n - keep) + v.substring(n - keep);
		}
		return v.substring(0, head) + "*".repeat(n - head - tail) + v.substring(n - tail);
	}
}
