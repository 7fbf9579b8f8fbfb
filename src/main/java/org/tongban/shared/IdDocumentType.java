package org.tongban.shared;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The identity documents a person may show at the window, each with the rules its numbers follow as published:
 * the 居民身份证 and the 港澳台居民居住证 by GB 11643-1999 (the permit under region codes 810000/820000/830000,
 * 《港澳台居民居住证申领发放办法》 2018), the 港澳居民来往内地通行证 and 台湾居民来往大陆通行证 by the exit-entry
 * administration's card formats (2012 and 2015 editions, older numbers two digits longer), the 外国人永久居留身份证 by
 * its 2017 (15 characters) and 2023 (18 characters, GB 11643 check digit) editions, and a passport by ICAO Doc 9303
 * (document number up to the machine-readable zone's width, here 5 to 17 letters and digits).
 */
public enum IdDocumentType {

	RESIDENT_ID("居民身份证", "公民身份号码"),
	PASSPORT("护照", "护照号码"),
	HK_MACAO_PERMIT("港澳居民来往内地通行证", "港澳居民来往内地通行证号码"),
	TAIWAN_PERMIT("台湾居民来往大陆通行证", "台湾居民来往大陆通行证号码"),
	HMT_RESIDENCE_PERMIT("港澳台居民居住证", "港澳台居民居住证号码"),
	FOREIGN_PERMANENT_RESIDENT("外国人永久居留身份证", "外国人永久居留身份证号码");

	private static final Pattern PASSPORT_SHAPE = Pattern.compile("^[A-Z0-9]{5,17}$");
	private static final Pattern HK_MACAO_SHAPE = Pattern.compile("^[HM](\\d{8}|\\d{10})$");
	private static final Pattern TAIWAN_SHAPE = Pattern.compile("^(\\d{8}|\\d{10})$");
	private static final Pattern PERMANENT_2017 = Pattern.compile("^[A-Z]{3}\\d{12}$");
	private static final Pattern PERMANENT_2023 = Pattern.compile("^9\\d{16}[\\dX]$");
	private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
	private static final char[] CHECK = "10X98765432".toCharArray();

	private final String label;
	private final String numberLabel;

	IdDocumentType(String label, String numberLabel) {
		this.label = label;
		this.numberLabel = numberLabel;
	}

	/** The document's Chinese name, as the clerk chooses it. */
	public String label() {
		return label;
	}

	/** What the number is called where it is shown (the resident ID's is the law's 公民身份号码). */
	public String numberLabel() {
		return numberLabel;
	}

	/** The type named by {@code name} (the enum name); the resident ID when none is named. */
	public static Optional<IdDocumentType> parse(String name) {
		if (name == null || name.isBlank()) {
			return Optional.of(RESIDENT_ID);
		}
		try {
			return Optional.of(valueOf(name.strip().toUpperCase(Locale.ROOT)));
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

	/** The number as stored: without surrounding blanks, letters upper case. */
	public String normalised(String raw) {
		return raw.strip().toUpperCase(Locale.ROOT);
	}

	/** Why {@code raw} is not a valid number of this document, in Chinese; empty when it is valid. */
	public Optional<String> problemWith(String raw) {
		return problemWith(raw, LocalDate.now(Clocks.SHANGHAI));
	}

	/** As {@link #problemWith(String)}, with a birth date after {@code today} refused. */
	Optional<String> problemWith(String raw, LocalDate today) {
		if (raw == null || raw.isBlank()) {
			return Optional.of("请填写" + numberLabel);
		}
		String n = normalised(raw);
		return switch (this) {
			case RESIDENT_ID -> ResidentIdNumber.problemWith(n, today).or(() -> isResidencePermit(n)
					? Optional.of("该号码是港澳台居民居住证号码（以810000、820000或830000开头），请将证件类型选为“港澳台居民居住证”")
					: Optional.empty());
			case HMT_RESIDENCE_PERMIT -> isResidencePermit(n)
					? ResidentIdNumber.problemWith(n, today).map(p -> p.replace("居民身份证号码", numberLabel))
					: Optional.of(n.length() != 18 ? numberLabel + "应为18位，当前为" + n.length() + "位"
							: numberLabel + "应以810000（香港）、820000（澳门）或830000（台湾）开头");
			case PASSPORT -> PASSPORT_SHAPE.matcher(n).matches() ? Optional.empty()
					: Optional.of(numberLabel + "应为5至17位字母或数字");
			case HK_MACAO_PERMIT -> HK_MACAO_SHAPE.matcher(n).matches() ? Optional.empty()
					: Optional.of(numberLabel + "应为H（香港）或M（澳门）加8位数字（旧版证件为10位数字）");
			case TAIWAN_PERMIT -> TAIWAN_SHAPE.matcher(n).matches() ? Optional.empty()
					: Optional.of(numberLabel + "应为8位数字（旧版证件为10位数字）");
			case FOREIGN_PERMANENT_RESIDENT -> permanentResidentProblem(n, today);
		};
	}

	private static boolean isResidencePermit(String n) {
		return n.length() >= 6 && (n.startsWith("810000") || n.startsWith("820000") || n.startsWith("830000"));
	}

	private Optional<String> permanentResidentProblem(String n, LocalDate today) {
		if (n.length() == 15) {
			return PERMANENT_2017.matcher(n).matches() ? Optional.empty()
					: Optional.of(numberLabel + "（2017年版）应为3位国籍字母加12位数字");
		}
		if (n.length() != 18) {
			return Optional.of(numberLabel + "应为15位（2017年版）或18位（2023年版），当前为" + n.length() + "位");
		}
		if (!PERMANENT_2023.matcher(n).matches()) {
			return Optional.of(numberLabel + "（2023年版）应以9开头，前17位为数字，最后一位为数字或X");
		}
		try {
			LocalDate birth = LocalDate.of(Integer.parseInt(n.substring(6, 10)), Integer.parseInt(n.substring(10, 12)),
					Integer.parseInt(n.substring(12, 14)));
			if (birth.getYear() < 1900 || birth.isAfter(today)) {
				return Optional.of(numberLabel + "中的出生日期（第7–14位）不在合理范围内");
			}
		}
		catch (DateTimeException ex) {
			return Optional.of(numberLabel + "中的出生日期（第7–14位）不是真实日期");
		}
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			sum += (n.charAt(i) - '0') * WEIGHTS[i];
		}
		return CHECK[sum % 11] == n.charAt(17) ? Optional.empty()
				: Optional.of(numberLabel + "校验位（第18位）不正确，请核对是否输错");
	}
}
