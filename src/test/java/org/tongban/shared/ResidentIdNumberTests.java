package org.tongban.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import cn.hutool.core.util.IdcardUtil;
import org.junit.jupiter.api.Test;

/** Checking 居民身份证号码 as people type them, against GB 11643 and against hutool as a second opinion. */
class ResidentIdNumberTests {

	private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
	private static final String CHECK = "10X98765432";
	/** Real codes: 浦东新区, 东城区, 南山区, 玄武区, 锦江区, 天山区, 西湖区, 江岸区, and the 港澳台居民居住证 regions. */
	private static final String[] REGIONS = {"310115", "110101", "440305", "320102", "510104", "650102", "330106",
			"420102", "810000", "820000", "830000"};

	/** The first 17 characters completed with their check character, computed here independently. */
	static String withCheck(String first17) {
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			sum += (first17.charAt(i) - '0') * WEIGHTS[i];
		}
		return first17 + CHECK.charAt(sum % 11);
	}

	private static String id(String region, LocalDate birth, int sequence) {
		return withCheck(region + birth.toString().replace("-", "") + String.format("%03d", sequence));
	}

	private static boolean valid(String raw) {
		return ResidentIdNumber.problemWith(raw).isEmpty();
	}

	@Test
	void realWorldShapedNumbersAreAccepted() {
		assertThat(id("310115", LocalDate.of(1985, 3, 15), 123)).isEqualTo("310115198503151230");
		assertThat(valid("310115198503151230")).isTrue();
		assertThat(valid(id("110101", LocalDate.of(1949, 10, 1), 1))).isTrue();
		assertThat(valid(id("440305", LocalDate.of(2008, 2, 29), 998))).isTrue();
		assertThat(valid("  " + id("650102", LocalDate.of(1970, 1, 1), 45) + " ")).as("surrounding spaces").isTrue();
		assertThat(new ResidentIdNumber(id("310115", LocalDate.of(1985, 3, 15), 123)).birthDate())
			.isEqualTo(LocalDate.of(1985, 3, 15));
	}

	@Test
	void aLowercaseXCheckCharacterIsAcceptedAndStoredUppercase() {
		String withX = null;
		for (int seq = 0; withX == null; seq++) {
			String candidate = id("310115", LocalDate.of(1990, 7, 1), seq);
			if (candidate.endsWith("X")) {
				withX = candidate;
			}
		}
		String typed = withX.substring(0, 17) + "x";
		assertThat(valid(typed)).isTrue();
		assertThat(new ResidentIdNumber(typed).value()).isEqualTo(withX);
	}

	@Test
	void aWrongCheckDigitIsRefused() {
		String good = "310115198503151230";
		assertThat(ResidentIdNumber.problemWith("310115198503151231")).hasValueSatisfying(
				m -> assertThat(m).contains("校验位"));
		assertThat(valid(good.substring(0, 17) + "X")).isFalse();
		// two neighbouring digits swapped, the typing mistake the check digit is made to catch
		assertThat(valid("310115198503151320".substring(0, 17) + good.charAt(17))).isFalse();
	}

	@Test
	void seventeenOrNineteenDigitsAreRefusedWithTheLength() {
		assertThat(ResidentIdNumber.problemWith("31011519850315123")).hasValue("居民身份证号码应为18位，当前为17位");
		assertThat(valid("3101151985031512300")).isFalse();
		assertThat(ResidentIdNumber.problemWith(" ")).hasValue("请填写居民身份证号码");
		assertThat(ResidentIdNumber.problemWith(null)).isPresent();
	}

	@Test
	void anImpossibleBirthDateIsRefusedEvenWithTheRightCheckDigit() {
		assertThat(ResidentIdNumber.problemWith(withCheck("31011519900230123")))
			.hasValueSatisfying(m -> assertThat(m).contains("不是真实日期"));
		assertThat(valid(withCheck("31011519901301123"))).as("month 13").isFalse();
		assertThat(valid(withCheck("31011519900100123"))).as("day 0").isFalse();
		assertThat(valid(withCheck("31011520230229123"))).as("29 Feb in a common year").isFalse();
		assertThat(valid(withCheck("31011520240229123"))).as("29 Feb in a leap year").isTrue();
	}

	@Test
	void aBirthDateInTheFutureOrBefore1900IsRefused() {
		LocalDate today = LocalDate.of(2026, 6, 15);
		assertThat(ResidentIdNumber.problemWith(id("310115", today.plusDays(1), 1), today))
			.hasValueSatisfying(m -> assertThat(m).contains("不在合理范围内"));
		assertThat(valid(id("310115", LocalDate.of(1899, 12, 31), 1))).isFalse();
		assertThat(ResidentIdNumber.problemWith(id("310115", today, 1), today)).as("born today").isEmpty();
	}

	@Test
	void anUnknownRegionIsRefused() {
		LocalDate birth = LocalDate.of(1985, 3, 15);
		assertThat(ResidentIdNumber.problemWith(id("990101", birth, 123)))
			.hasValueSatisfying(m -> assertThat(m).contains("地区码"));
		assertThat(valid(id("000000", birth, 123))).isFalse();
		assertThat(valid(id("240101", birth, 123))).as("no province 24").isFalse();
		assertThat(valid(id("310000", birth, 123))).as("a province is not a place of registration").isFalse();
	}

	@Test
	void residencePermitsOfHongKongMacaoAndTaiwanResidentsAreAccepted() {
		LocalDate birth = LocalDate.of(1988, 8, 8);
		assertThat(valid(id("810000", birth, 11))).as("香港居民居住证").isTrue();
		assertThat(valid(id("820000", birth, 12))).as("澳门居民居住证").isTrue();
		assertThat(valid(id("830000", birth, 13))).as("台湾居民居住证").isTrue();
		assertThat(valid(id("310000", birth, 14))).isFalse();
	}

	@Test
	void lettersOtherThanAFinalXAreRefused() {
		assertThat(ResidentIdNumber.problemWith("31011519850315A230"))
			.hasValueSatisfying(m -> assertThat(m).contains("前17位应为数字"));
		assertThat(valid("3101151985031512XX")).isFalse();
		assertThat(valid("31011519850315123Y")).isFalse();
		assertThat(valid("３１０１１５１９８５０３１５１２３０")).as("full-width digits").isFalse();
		assertThatThrownBy(() -> new ResidentIdNumber("31011519850315A230")).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> ResidentIdNumber.of("idNumber", "123")).isInstanceOfSatisfying(Problem.class,
				p -> assertThat(p.errors()).extracting(FieldMessage::field).containsExactly("idNumber"));
	}

	@Test
	void maskingKeepsOnlyRegionAndTheLastFour() {
		assertThat(new ResidentIdNumber("310115198503151230").masked()).isEqualTo("310115********1230");
		assertThat(new ResidentIdNumber("310115198503151230").toString()).doesNotContain("19850315");
	}

	/**
	 * hutool's IdcardUtil agrees on a few thousand numbers, most of them one typing mistake away from valid.
	 * The sample stays where both rule sets apply: provinces both know, birth dates from 1900 up to the end
	 * of 2023 (hutool compares only the year with today's), and no "xx0000" province-level regions other
	 * than the residence permits' 810000/820000/830000: hutool accepts any of them, we refuse the rest because
	 * nobody is registered at a whole province.
	 */
	@Test
	void hutoolAgreesOnAGeneratedSample() {
		Random random = new Random(20241001);
		LocalDate first = LocalDate.of(1900, 1, 1);
		LocalDate last = LocalDate.of(2023, 12, 31);
		int span = (int) (last.toEpochDay() - first.toEpochDay());
		List<String> disagreements = new ArrayList<>();
		int valids = 0;
		for (int i = 0; i < 5000; i++) {
			String number = id(REGIONS[random.nextInt(REGIONS.length)], first.plusDays(random.nextInt(span + 1)),
					random.nextInt(1000));
			switch (random.nextInt(4)) {
				case 0 -> { } // valid
				case 1 -> { // one digit mistyped
					int at = random.nextInt(17);
					char c = (char) ('0' + random.nextInt(10));
					number = number.substring(0, at) + c + number.substring(at + 1);
				}
				case 2 -> number = number.substring(0, 17) + CHECK.charAt(random.nextInt(11));
				default -> { // two neighbours swapped in the sequence or date part
					int at = 6 + random.nextInt(10);
					number = number.substring(0, at) + number.charAt(at + 1) + number.charAt(at) + number.substring(at + 2);
				}
			}
			boolean permit = number.startsWith("810000") || number.startsWith("820000") || number.startsWith("830000");
			if (number.substring(2, 6).equals("0000") && !permit || !dateWithin(number, first, last)) {
				continue;
			}
			boolean ours = valid(number);
			valids += ours ? 1 : 0;
			if (ours != IdcardUtil.isValidCard18(number)) {
				disagreements.add(number + " ours=" + ours);
			}
		}
		assertThat(disagreements).isEmpty();
		assertThat(valids).as("the sample must hold valid numbers too").isGreaterThan(1000);
	}

	/** True also for impossible dates like 19900230, which both must refuse; false outside the range. */
	private static boolean dateWithin(String number, LocalDate first, LocalDate last) {
		int year = Integer.parseInt(number.substring(6, 10));
		return year >= first.getYear() && year <= last.getYear();
	}
}
