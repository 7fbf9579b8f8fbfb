package org.tongban.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** 等保 2.0 level 3: length, character classes, not the username (the last five: ChangingPasswordsTests). */
class PasswordPolicyTests {

	@Test
	void twelveCharactersFromThreeClassesAreEnough() {
		assertThat(PasswordPolicy.problem("Abcdefgh123!", "clerk")).isNull();
		assertThat(PasswordPolicy.problem("abcdefgh1234!", "clerk")).isNull(); // lower, digit, symbol
		assertThat(PasswordPolicy.problem("ABCDEFGH1234a", "clerk")).isNull(); // upper, digit, lower
	}

	@Test
	void elevenCharactersAreTooFewAndTheOldTenCharacterRuleNoLongerPasses() {
		assertThat(PasswordPolicy.problem("Abcdefg123!", "clerk")).isEqualTo("密码须为 12–128 位");
		assertThat(PasswordPolicy.problem("a-strong-1", "clerk")).isEqualTo("密码须为 12–128 位");
		assertThat(PasswordPolicy.problem(null, "clerk")).isEqualTo("密码须为 12–128 位");
		assertThat(PasswordPolicy.problem("Aa1!".repeat(33), "clerk")).isEqualTo("密码须为 12–128 位");
	}

	@Test
	void twoClassesAreNotEnoughWhateverTheLength() {
		assertThat(PasswordPolicy.problem("tongban-demo", "clerk")).contains("至少三类");
		assertThat(PasswordPolicy.problem("abcdefghijklmnop1234", "clerk")).contains("至少三类");
		assertThat(PasswordPolicy.problem("ABCDEFGHIJKL!!!!", "clerk")).contains("至少三类");
	}

	@Test
	void thePasswordMayNotContainTheUsernameInAnyCase() {
		assertThat(PasswordPolicy.problem("My-Planning-2026", "planning")).isEqualTo("密码不得包含用户名");
		assertThat(PasswordPolicy.problem("My-Plannin-2026", "planning")).isNull();
	}
}
