package org.tongban.shared;

import java.util.Optional;
import java.util.regex.Pattern;

/** An 18-character 统一社会信用代码 checked against GB 32100: character set, registration authority, check character. */
public record UnifiedSocialCreditCode(String value) {

	private static final String CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY";
	private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
	private static final Pattern SHAPE = Pattern.compile("^[0-9A-HJ-NPQRTUWXY]{2}\\d{6}[0-9A-HJ-NPQRTUWXY]{10}$");

	public UnifiedSocialCreditCode {
		Optional<String> problem = problemWith(value);
		if (problem.isPresent()) {
			throw new IllegalArgumentException(problem.get());
		}
		value = value.strip().toUpperCase();
	}

	/** Parses a code typed by a person, or fails with the Chinese reason as a field problem. */
	public static UnifiedSocialCreditCode of(String field, String raw) {
		Optional<String> problem = problemWith(raw);
		if (problem.isPresent()) {
			throw Problem.invalid(field, problem.get());
		}
		return new UnifiedSocialCreditCode(raw);
	}

	/** Why the code is not a valid unified social credit code, in Chinese; empty when it is valid. */
	public static Optional<String> problemWith(String raw) {
		if (raw == null || raw.isBlank()) {
			return Optional.of("请填写统一社会信用代码");
		}
		String code = raw.strip().toUpperCase();
		if (code.length() != 18) {
			return Optional.of("统一社会信用代码应为18位，当前为" + code.length() + "位");
		}
		if (!SHAPE.matcher(code).matches()) {
			return Optional.of("统一社会信用代码含有不允许的字符（不使用 I、O、Z、S、V），或第3–8位行政区划码不是数字");
		}
		// 登记管理部门码: 1 机构编制, 2 外交, 3 司法行政, 4 文化, 5 民政, 6 旅游, 7 宗教, 8 工会, 9 市场监管, A 编制(军队), N 农业, Y 其他
		if ("123456789ANY".indexOf(code.charAt(0)) < 0) {
			return Optional.of("统一社会信用代码第1位（登记管理部门代码）无效，应为 1–9、A、N 或 Y");
		}
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			sum += CHARS.indexOf(code.charAt(i)) * WEIGHTS[i];
		}
		if (CHARS.charAt((31 - sum % 31) % 31) != code.charAt(17)) {
			return Optional.of("统一社会信用代码校验码（第18位）不正确，请核对是否输错");
		}
		return Optional.empty();
	}
}
