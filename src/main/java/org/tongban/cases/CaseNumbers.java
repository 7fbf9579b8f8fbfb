package org.tongban.cases;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Locale;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Gives a submitted case its 办件编号 and 查询码, once. The number is the year of submission in the product's
 * clock (Asia/Shanghai) and a sequence per year, {@code 2026-000123}: no prefix, as one commission runs one
 * instance and the number is read aloud and typed on phones. The sequence is a counter row per year advanced
 * with {@code INSERT … ON CONFLICT … RETURNING}: concurrent submissions queue on the row until their
 * transactions end, and a unique index backs it. The query code is 8 characters drawn with {@link SecureRandom}
 * from an alphabet without 0/O and 1/I/L (31 characters, about 40 bits).
 */
@Component
class CaseNumbers {

	static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
	static final int CODE_LENGTH = 8;

	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcClient jdbc;
	private final Clock clock;

	CaseNumbers(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** Numbers a submitted case that has no number yet; the case row must be written already. */
	void assign(Case c) {
		if (c.number() != null || c.submittedAt() == null) {
			return;
		}
		int year = c.submittedAt().atZone(clock.getZone()).getYear();
		long seq = jdbc.sql("""
				INSERT INTO cases_number_counter (year, last_value) VALUES (?, 1)
				ON CONFLICT (year) DO UPDATE SET last_value = cases_number_counter.last_value + 1
				RETURNING last_value""").param(year).query(Long.class).single();
		String number = format(year, seq);
		String code = newQueryCode();
		jdbc.sql("UPDATE cases_case SET case_number = ?, query_code = ? WHERE id = ? AND case_number IS NULL")
				.params(number, code, c.id().value()).update();
		c.numbered(number, code);
	}

	static String format(int year, long seq) {
		return year + "-" + String.format(Locale.ROOT, "%06d", seq);
	}

	static String newQueryCode() {
		StringBuilder code = new StringBuilder(CODE_LENGTH);
		for (int i = 0; i < CODE_LENGTH; i++) {
			code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
		}
		return code.toString();
	}

	/** A number as typed: trimmed; null when it cannot be a number at all. */
	static String normaliseNumber(String number) {
		if (number == null) {
			return null;
		}
		String n = number.strip().replace('－', '-').replace('—', '-');
		return n.matches("\\d{4}-\\d{6,12}") ? n : null;
	}

	/** A code as typed: spaces and hyphens dropped, upper case; null when it cannot be a code at all. */
	static String normaliseCode(String code) {
		if (code == null) {
			return null;
		}
		String c = code.replaceAll("[\\s\\-]", "").toUpperCase(Locale.ROOT);
		return c.length() == CODE_LENGTH && c.chars().allMatch(ch -> ALPHABET.indexOf(ch) >= 0) ? c : null;
	}
}
