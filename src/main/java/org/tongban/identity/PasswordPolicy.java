package org.tongban.identity;

import java.util.Locale;

/**
 * The password rules of 等保 2.0 level 3: at least 12 characters, from at least three of upper-case letters,
 * lower-case letters, digits and other characters, not containing the username; a new password may also not be
 * one of the account's last {@value #HISTORY} (checked by {@link AccountManagement} against the history table).
 * The demo accounts' published password is the one exception, and only while demo mode is on.
 */
final class PasswordPolicy {

	static final int MIN_LENGTH = 12;

	static final int MAX_LENGTH = 128;

	static final int HISTORY = 5;

	/** How the rules read to a user, on the forms. */
	static final String RULES = "至少 12 位，含大写字母、小写字母、数字、符号中的至少三类，不得包含用户名，不得与最近 5 次使用过的密码相同";

	private PasswordPolicy() {
	}

	/** What is wrong with the password for that account, in Chinese, or null when it is acceptable. */
	static String problem(String password, String username) {
		if (password == null || password.length() < MIN_LENGTH || password.length() > MAX_LENGTH) {
			return "密码须为 " + MIN_LENGTH + "–" + MAX_LENGTH + " 位";
		}
		if (classes(password) < 3) {
			return "密码须包含大写字母、小写字母、数字、符号中的至少三类";
		}
		if (username != null && !username.isBlank()
				&& password.toLowerCase(Locale.ROOT).contains(username.strip().toLowerCase(Locale.ROOT))) {
			return "密码不得包含用户名";
		}
		return null;
	}

	private static int classes(String password) {
		boolean upper = false, lower = false, digit = false, other = false;
		for (int i = 0; i < password.length(); i++) {
			char c = password.charAt(i);
			if (c >= 'A' && c <= 'Z') {
				upper = true;
			}
			else if (c >= 'a' && c <= 'z') {
				lower = true;
			}
			else if (c >= '0' && c <= '9') {
				digit = true;
			}
			else {
				other = true;
			}
		}
		return (upper ? 1 : 0) + (lower ? 1 : 0) + (digit ? 1 : 0) + (other ? 1 : 0);
	}
}
