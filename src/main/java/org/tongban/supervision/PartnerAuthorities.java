package org.tongban.supervision;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The port to the other authorities that inspect with the commission (联合检查, task 27): the district market
 * regulation bureau and the drug administration for medical beauty. A partner keys a shared plan by its
 * {@code shareId}: sending the same one again (a retry) must not open a second plan there. Partners send their
 * findings back through the callback, with their own secret.
 */
public interface PartnerAuthorities {

	/** The authorities the commission inspects with, by code (as the API names them). */
	List<Partner> partners();

	/** Sends the shared plan; returns the partner's reference. Throws {@link Unavailable} when it did not take it. */
	String share(String authority, SharedPlan plan);

	/** Whether {@code token} is the partner's callback secret (constant-time); false while none is configured. */
	boolean callbackAuthentic(String authority, String token);

	/** A partner authority, and whether an address and credentials are configured for it. */
	record Partner(String code, String name, boolean configured) {
	}

	/** What a partner receives: the visit, the entities, who else takes part. No personal data. */
	record SharedPlan(UUID shareId, UUID jointId, String title, String sector, LocalDate visitOn,
			List<Entity> entities, List<String> authorities) {
	}

	/** An entity of the plan as a partner needs it. */
	record Entity(String uscc, String name, String address) {
	}

	/** The partner did not take the plan (down, slow, refused, not configured); it is tried again later. */
	class Unavailable extends RuntimeException {

		public Unavailable(String message, Throwable cause) {
			super(message, cause);
		}
	}
}
