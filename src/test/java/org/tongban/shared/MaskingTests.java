package org.tongban.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MaskingTests {

	@Test
	void anIdNumberKeepsItsFirstAndLastFour() {
		assertThat(Masking.idNumber("310115198503151230")).isEqualTo("3101**********1230");
		assertThat(Masking.idNumber("31011519850315123X")).isEqualTo("3101**********123X");
	}

	@Test
	void aPhoneNumberKeepsItsFirstThreeAndLastFour() {
		assertThat(Masking.phone("13812345678")).isEqualTo("138****5678");
		assertThat(Masking.phone("021-68541234")).isEqualTo("021*****1234");
	}

	@Test
	void shortAndEmptyValuesRevealLittle() {
		assertThat(Masking.idNumber(null)).isNull();
		assertThat(Masking.idNumber("")).isEmpty();
		assertThat(Masking.phone("12")).isEqualTo("**");
		assertThat(Masking.phone("1234567")).isEqualTo("******7");
		assertThat(Masking.name("张三")).isEqualTo("张*");
		assertThat(Masking.name("欧阳小明")).isEqualTo("欧***");
	}
}
