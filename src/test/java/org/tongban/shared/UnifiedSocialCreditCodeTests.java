package org.tongban.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import cn.hutool.core.util.CreditCodeUtil;
import org.junit.jupiter.api.Test;

/** Checking 统一社会信用代码 as people type them, against GB 32100 and against hutool as a second opinion. */
class UnifiedSocialCreditCodeTests {

	private static final String CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY";
	private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

	/** The first 17 characters completed with their check character, computed here independently. */
	static String withCheck(String first17) {
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			sum += CHARS.indexOf(first17.charAt(i)) * WEIGHTS[i];
		}
		return first17 + CHARS.charAt((31 - sum % 31) % 31);
	}

	private static boolean valid(String raw) {
		return UnifiedSocialCreditCode.problemWith(raw).isEmpty();
	}

	@Test
	void realWorldShapedCodesAreAccepted() {
		// the demo enterprise, a company registered in Pudong (9 工商, 1 企业)
		assertThat(withCheck("91310115MA1K3Y4N2")).isEqualTo("91310115MA1K3Y4N2N");
		assertThat(valid("91310115MA1K3Y4N2N")).isTrue();
		assertThat(valid(withCheck("12310115425012345"))).as("a public institution (事业单位)").isTrue();
		assertThat(valid(withCheck("52310115MJ5012345"))).as("a private non-enterprise unit (民办非企业)").isTrue();
		assertThat(valid(withCheck("92310115MA1P2Q3R4"))).as("an individual business (个体工商户)").isTrue();
		assertThat(valid(withCheck("Y1310115MA1P2Q3R4"))).as("registered elsewhere (其他)").isTrue();
	}

	@Test
	void lowercaseIsAcceptedAndStoredUppercase() {
		assertThat(valid("91310115ma1k3y4n2n")).isTrue();
		assertThat(new UnifiedSocialCreditCode(" 91310115ma1k3y4n2n ").value()).isEqualTo("91310115MA1K3Y4N2N");
	}

	@Test
	void aWrongCheckCharacterIsRefused() {
		assertThat(UnifiedSocialCreditCode.problemWith("91310115MA1K3Y4N2M"))
			.hasValueSatisfying(m -> assertThat(m).contains("校验码"));
		assertThat(valid("91310115MA1K3Y4N20")).isFalse();
		assertThat(valid("91310115MA1K3Y4NN2")).as("two neighbours swapped").isFalse();
	}

	@Test
	void theLettersIOZSVAreNeverUsed() {
		for (char c : "IOZSV".toCharArray()) {
			// even with a check character computed as if the letter were allowed, the shape is refused
			String code = "91310115MA1K3Y4N2".substring(0, 10) + c + "K3Y4N2N";
			assertThat(UnifiedSocialCreditCode.problemWith(code)).as(code)
				.hasValueSatisfying(m -> assertThat(m).contains("不使用 I、O、Z、S、V"));
		}
	}

	@Test
	void lettersInTheRegionCodeAndWrongLengthsAreRefused() {
		assertThat(valid(withCheck("9131A115MA1K3Y4N2"))).isFalse();
		assertThat(UnifiedSocialCreditCode.problemWith("91310115MA1K3Y4N2"))
			.hasValue("统一社会信用代码应为18位，当前为17位");
		assertThat(UnifiedSocialCreditCode.problemWith("")).hasValue("请填写统一社会信用代码");
		assertThat(valid("91310115-MA1K3Y4N2N")).isFalse();
		assertThatThrownBy(() -> UnifiedSocialCreditCode.of("uscc", "x")).isInstanceOfSatisfying(Problem.class,
				p -> assertThat(p.errors()).extracting(FieldMessage::field).containsExactly("uscc"));
	}

	/** hutool's CreditCodeUtil agrees on a few thousand codes, most of them one typing mistake away from valid. */
	@Test
	void hutoolAgreesOnAGeneratedSample() {
		Random random = new Random(20241001);
		String typed = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
		List<String> disagreements = new ArrayList<>();
		int valids = 0;
		for (int i = 0; i < 5000; i++) {
			StringBuilder first17 = new StringBuilder();
			first17.append("123456789ANY".charAt(random.nextInt(12))).append("1239".charAt(random.nextInt(4)));
			first17.append(String.format("%06d", random.nextInt(1_000_000)));
			for (int k = 0; k < 9; k++) {
				first17.append(CHARS.charAt(random.nextInt(CHARS.length())));
			}
			String code = withCheck(first17.toString());
			switch (random.nextInt(4)) {
				case 0 -> { } // valid
				case 1 -> { // one character mistyped, possibly with a letter the standard never uses
					int at = random.nextInt(18);
					code = code.substring(0, at) + typed.charAt(random.nextInt(typed.length())) + code.substring(at + 1);
				}
				case 2 -> code = code.substring(0, 17) + typed.charAt(random.nextInt(typed.length()));
				default -> { // two neighbours swapped
					int at = random.nextInt(17);
					code = code.substring(0, at) + code.charAt(at + 1) + code.charAt(at) + code.substring(at + 2);
				}
			}
			boolean ours = valid(code);
			valids += ours ? 1 : 0;
			// hutool does not check the registration authority (first character); compare where that cannot differ
			boolean authorityKnown = "123456789ANY".indexOf(code.charAt(0)) >= 0;
			if (authorityKnown && ours != CreditCodeUtil.isCreditCode(code)) {
				disagreements.add(code + " ours=" + ours);
			}
		}
		assertThat(disagreements).isEmpty();
		assertThat(valids).as("the sample must hold valid codes too").isGreaterThan(1000);
	}

	@Test
	void anUnknownRegistrationAuthorityIsRefused() {
		String code = withCheck("B1310115MA1K3Y4N2");
		assertThat(UnifiedSocialCreditCode.problemWith(code)).hasValueSatisfying(m -> assertThat(m).contains("登记管理部门"));
	}
}
