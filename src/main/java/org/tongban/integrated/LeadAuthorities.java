package org.tongban.integrated;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * The lead authorities of the cooperating industries (一业一证 配合行业: 养老院, 购物中心, 游泳馆), whose systems hand the
 * commission its part of an application and take back its result. Keyed by package code.
 */
interface LeadAuthorities {

	/** The result of the commission's part, sent under {@code resultId} as Idempotency-Key. */
	record PartResult(UUID resultId, String reference, String itemCode, String itemName, String caseNumber,
			boolean granted, String reasons, String licenceNumber, LocalDate licenceValidUntil, Instant decidedAt) {
	}

	/** The lead authority did not take the result (down, timed out, refused, not configured); tried again later. */
	class Unavailable extends RuntimeException {

		Unavailable(String message, Throwable cause) {
			super(message, cause);
		}
	}

	/** The lead authority's name for a package, for people. */
	String name(String packageCode);

	void sendResult(String packageCode, PartResult result);

	/** Whether {@code token} is the package's lead authority's secret for handing parts over (constant time). */
	boolean authentic(String packageCode, String token);
}
