package org.tongban.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

/** Each identity document's numbers checked by the rule its issuer published, valid and invalid. */
class IdDocumentTypeTests {

	private static final LocalDate TODAY = LocalDate.of(2026, 12, 5);

	private static boolean valid(IdDocumentType type, String number) {
		return type.problemWith(number, TODAY).isEmpty();
	}

	private static String problem(IdDocumentType type, String number) {
		return type.problemWith(number, TODAY).orElseThrow();
	}

	@Test
	void aResidentIdFollowsGb11643_1999AndIsNotAResidencePermit() {
		assertThat(valid(IdDocumentType.RESIDENT_ID, "310115199002201222")).isTrue();
		assertThat(valid(IdDocumentType.RESIDENT_ID, " 31011519900220122x ".replace("x", "2"))).isTrue();
		// GB 11643-1999 §8.2: the check character is ISO 7064 MOD 11-2 of the first 17 digits
		assertThat(problem(IdDocumentType.RESIDENT_ID, "310115199002201223")).contains("校验位");
		assertThat(problem(IdDocumentType.RESIDENT_ID, "31011519900220122")).contains("18位");
		assertThat(problem(IdDocumentType.RESIDENT_ID, "")).isEqualTo("请填写公民身份号码");
		// a 居住证 number is valid GB 11643 but belongs to the other document type
		assertThat(problem(IdDocumentType.RESIDENT_ID, "810000199001010019")).contains("港澳台居民居住证");
	}

	@Test
	void aResidencePermitFollowsGb11643_1999UnderTheRegionCodes810000To830000() {
		// 《港澳台居民居住证申领发放办法》(国办发〔2018〕81号) art. 6: numbers by GB 11643, region 810000/820000/830000
		assertThat(valid(IdDocumentType.HMT_RESIDENCE_PERMIT, "810000199001010019")).isTrue();
		assertThat(valid(IdDocumentType.HMT_RESIDENCE_PERMIT, "820000198512310029")).isTrue();
		assertThat(valid(IdDocumentType.HMT_RESIDENCE_PERMIT, "830000200002290031")).isTrue();
		assertThat(problem(IdDocumentType.HMT_RESIDENCE_PERMIT, "810000199001010018"))
			.isEqualTo("港澳台居民居住证号码校验位（第18位）不正确，请核对是否输错");
		assertThat(problem(IdDocumentType.HMT_RESIDENCE_PERMIT, "310115199002201222")).contains("810000");
		assertThat(problem(IdDocumentType.HMT_RESIDENCE_PERMIT, "81000019900101001")).contains("18位");
	}

	@Test
	void aHongKongOrMacaoPermitIsHOrMAndEightDigitsOrTenOnTheOldCard() {
		// 港澳居民来往内地通行证 (2012 card, 公安部出入境管理局): H/M + 8 digits; the booklet before it: + 10 digits
		assertThat(valid(IdDocumentType.HK_MACAO_PERMIT, "H12345678")).isTrue();
		assertThat(valid(IdDocumentType.HK_MACAO_PERMIT, "m87654321")).isTrue();
		assertThat(valid(IdDocumentType.HK_MACAO_PERMIT, "H1234567890")).isTrue();
		assertThat(problem(IdDocumentType.HK_MACAO_PERMIT, "K12345678")).contains("H（香港）或M（澳门）");
		assertThat(valid(IdDocumentType.HK_MACAO_PERMIT, "H1234567")).isFalse();
		assertThat(valid(IdDocumentType.HK_MACAO_PERMIT, "H123456789")).isFalse();
	}

	@Test
	void aTaiwanPermitIsEightDigitsOrTenOnTheOldCard() {
		// 台湾居民来往大陆通行证 (2015 card, 公安部出入境管理局): 8 digits; the booklet before it: 10
		assertThat(valid(IdDocumentType.TAIWAN_PERMIT, "12345678")).isTrue();
		assertThat(valid(IdDocumentType.TAIWAN_PERMIT, "1234567890")).isTrue();
		assertThat(problem(IdDocumentType.TAIWAN_PERMIT, "T1234567")).contains("8位数字");
		assertThat(valid(IdDocumentType.TAIWAN_PERMIT, "123456789")).isFalse();
	}

	@Test
	void aForeignPermanentResidentIdIsThe2017FifteenCharacterOrThe2023Gb11643Number() {
		// 2017 edition (公安部 2017 外国人永久居留身份证): 3-letter nationality (ISO 3166-1 alpha-3) + 12 digits
		assertThat(valid(IdDocumentType.FOREIGN_PERMANENT_RESIDENT, "USA310085051234")).isTrue();
		assertThat(problem(IdDocumentType.FOREIGN_PERMANENT_RESIDENT, "US3100850512345")).contains("2017年版");
		// 2023 edition (国家移民管理局公告 2023): 18 characters, first 9, birth date at 7–14, GB 11643-1999 check digit
		assertThat(valid(IdDocumentType.FOREIGN_PERMANENT_RESIDENT, "931156198503151234")).isTrue();
		assertThat(valid(IdDocumentType.FOREIGN_PERMANENT_RESIDENT, "931156200101014560")).isTrue();
		assertThat(problem(IdDocumentType.FOREIGN_PERMANENT_RESIDENT, "931156198503151235")).contains("校验位");
		assertThat(problem(IdDocumentType.FOREIGN_PERMANENT_RESIDENT, "310115199002201222")).contains("以9开头");
		assertThat(problem(IdDocumentType.FOREIGN_PERMANENT_RESIDENT, "931156198502301234")).contains("出生日期");
		assertThat(problem(IdDocumentType.FOREIGN_PERMANENT_RESIDENT, "USA3100850512")).contains("15位");
	}

	@Test
	void aPassportNumberIsFiveToSeventeenLettersAndDigits() {
		// ICAO Doc 9303 part 4: the document number field of the machine-readable zone holds letters and digits
		assertThat(valid(IdDocumentType.PASSPORT, "E12345678")).isTrue();
		assertThat(valid(IdDocumentType.PASSPORT, "ab123")).isTrue();
		assertThat(valid(IdDocumentType.PASSPORT, "12345678901234567")).isTrue();
		assertThat(problem(IdDocumentType.PASSPORT, "E123")).contains("5至17位");
		assertThat(valid(IdDocumentType.PASSPORT, "E1234-5678")).isFalse();
		assertThat(valid(IdDocumentType.PASSPORT, "123456789012345678")).isFalse();
	}

	@Test
	void theTypeIsNamedByItsCodeAndTheResidentIdWhenNoneIs() {
		assertThat(IdDocumentType.parse(null)).contains(IdDocumentType.RESIDENT_ID);
		assertThat(IdDocumentType.parse("passport")).contains(IdDocumentType.PASSPORT);
		assertThat(IdDocumentType.parse("驾驶证")).isEmpty();
	}
}
