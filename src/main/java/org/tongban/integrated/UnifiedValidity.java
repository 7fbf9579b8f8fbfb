package org.tongban.integrated;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Objects;

/**
 * The unified validity of an integrated licence (统一有效期, task 10): either the earliest expiry of the parts'
 * own licences, or a common term from the day of issue after which every part is renewed together. A licence that
 * runs until {@code validFrom + years} ends the day before (a five-year licence from 2026-12-31 ends 2031-12-30).
 */
final class UnifiedValidity {

	private UnifiedValidity() {
	}

	/**
	 * The last valid day of a licence issued on {@code validFrom}: EARLIEST_EXPIRY takes the earliest of the parts'
	 * last days (parts valid without limit do not count; when none is limited, the common term applies);
	 * COMMON_TERM {@code years} from {@code validFrom}. Null (no limit) when the rule names no term either.
	 */
	static LocalDate until(IndustryPackage.Validity validity, Integer defaultYears, LocalDate validFrom,
			Collection<LocalDate> partsUntil) {
		IndustryPackage.ValidityRule rule = validity == null || validity.rule() == null
				? IndustryPackage.ValidityRule.COMMON_TERM : validity.rule();
		Integer years = validity != null && validity.years() != null ? validity.years() : defaultYears;
		if (rule == IndustryPackage.ValidityRule.EARLIEST_EXPIRY) {
			LocalDate earliest = partsUntil.stream().filter(Objects::nonNull).min(LocalDate::compareTo).orElse(null);
			if (earliest != null) {
				return earliest;
			}
		}
		return years == null ? null : validFrom.plusYears(years).minusDays(1);
	}

	/**
	 * The last valid day after a renewal of a licence valid until {@code until}: a common term runs on for another
	 * term from the day after; the earliest expiry is taken again over the renewed parts.
	 */
	static LocalDate renewed(IndustryPackage.Validity validity, Integer defaultYears, LocalDate until,
			Collection<LocalDate> partsUntil) {
		return until == null ? null : until(validity, defaultYears, until.plusDays(1), partsUntil);
	}
}
