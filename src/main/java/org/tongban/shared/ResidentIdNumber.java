package org.tongban.shared;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** An 18-digit 居民身份证号码 checked against GB 11643: region code, real birth date, check digit. */
public record ResidentIdNumber(String value) {

	private static final Pattern SHAPE = Pattern.compile("^\\d{17}[\\dX]$");
	private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
	private static final char[] CHECK = "10X98765432".toCharArray();
	/** The provinces' codes (GB/T 2260), the first two digits of every region code. */
	private static final Set<String> PROVINCES = Set.of("11", "12", "13", "14", "15", "21", "22", "23", "31", "32",
			"33", "34", "35", "36", "37", "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62",
			"63", "64", "65", "71", "81", "82", "83", "91");
	/**
	 * 港澳台居民居住证 numbers follow GB 11643 with the whole-region codes 810000 (Hong Kong), 820000 (Macao)
	 * and 830000 (Taiwan); residents holding them use our services like anyone else.
	 */
	private static final Set<String> RESIDENCE_PERMIT_REGIONS = Set.of("810000", "820000", "830000");

	public ResidentIdNumber {
		Optional<String> problem = problemWith(value);
		if (problem.isPresent()) {
			throw new IllegalArgumentException(problem.get());
		}
		value = value.strip().toUpperCase();
	}

	/** Parses a number typed by a person, or fails with the Chinese reason as a field problem. */
	public static ResidentIdNumber of(String field, String raw) {
		Optional<String> problem = problemWith(raw);
		if (problem.isPresent()) {
			throw Problem.invalid(field, problem.get());
		}
		return new ResidentIdNumber(raw);
	}

	/** Why the number is not a valid resident ID number, in Chinese; empty when it is valid. */
	public static Optional<String> problemWith(String raw) {
		return problemWith(raw, LocalDate.now(Clocks.SHANGHAI));
	}

	/** As {@link #problemWith(String)}, with a birth date after {@code today} refused. */
	static Optional<String> problemWith(String raw, LocalDate today) {
		if (raw == null || raw.isBlank()) {
			return Optional.of("请填写居民身份证号码");
		}
		String id = raw.strip().toUpperCase();
		if (id.length() != 18) {
			return Optional.of("居民身份证号码应为18位，当前为" + id.length() + "位");
		}
		if (!SHAPE.matcher(id).matches()) {
			return Optional.of("居民身份证号码前17位应为数字，最后一位为数字或X");
		}
		// nobody else is registered at a whole province ("xx0000")
		if (!PROVINCES.contains(id.substring(0, 2))
				|| id.substring(2, 6).equals("0000") && !RESIDENCE_PERMIT_REGIONS.contains(id.substring(0, 6))) {
			return Optional.of("居民身份证号码的地区码（前6位）无效");
		}
		try {
			LocalDate birth = LocalDate.of(Integer.parseInt(id.substring(6, 10)), Integer.parseInt(id.substring(10, 12)),
					Integer.parseInt(id.substring(12, 14)));
			if (birth.getYear() < 1900 || birth.isAfter(today)) {
				return Optional.of("居民身份证号码中的出生日期（第7–14位）不在合理范围内");
			}
		}
		catch (DateTimeException ex) {
			return Optional.of("居民身份证号码中的出生日期（第7–14位）不是真实日期");
		}
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			sum += (id.charAt(i) - '0') * WEIGHTS[i];
		}
		if (CHECK[sum % 11] != id.charAt(17)) {
			return Optional.of("居民身份证号码校验位（第18位）不正确，请核对是否输错");
		}
		return Optional.empty();
	}

	public LocalDate birthDate() {
		return LocalDate.of(Integer.parseInt(value.substring(6, 10)), Integer.parseInt(value.substring(10, 12)),
				Integer.parseInt(value.substring(12, 14)));
	}

	/** 张*三 style masking for public pages: keeps the first 6 and last 4 characters. */
	public String masked() {
		return value.substring(0, 6) + "********" + value.substring(14);
	}

	@Override
	public String toString() {
		return masked();
	}
}
