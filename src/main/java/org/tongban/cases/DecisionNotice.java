package org.tongban.cases;

import java.time.LocalDate;

/**
 * The written decision on a refused, denied or revoked case, as the applicant receives it: the reasons staff
 * entered, the legal basis, and the rights of review and appeal with their periods and bodies. {@code text} is
 * the whole document in one piece; the other components are its parts, for pages and archival copies.
 * Obtained through {@link CaseRecords#decisionNotice}.
 */
@org.springframework.modulith.NamedInterface("api")
public record DecisionNotice(Kind kind, String title, String addressee, String decision, String reasons,
		String basis, String rights, String authority, LocalDate date, String text) {

	/** Which decision the document records; each rests on its own article. */
	public enum Kind {
		/** 不予受理 (《行政许可法》第三十二条). */
		REFUSAL,
		/** 不予许可 (《行政许可法》第三十八条第二款). */
		DENIAL,
		/** 撤销 after a false notice-commitment (《行政许可法》第六十九条第二款). */
		REVOCATION
	}
}
