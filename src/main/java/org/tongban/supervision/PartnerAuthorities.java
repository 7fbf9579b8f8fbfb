package org.tongban.supervision;

import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

/**
 * The port to the other authorities of a joint inspection (market regulation, drug administration): the shared plan
 * goes out under an idempotency key that stays the same on every retry (the partner keeps one plan per key), and
 * each partner's findings come back when its inspectors have entered them.
 */
public interface PartnerAuthorities {

	/** Whether an address is configured for the authority. */
	boolean configured(JointAuthority authority);

	/** Sends the shared plan; returns the partner's reference. Throws {@link Unavailable} when it did not take it. */
	String send(JointAuthority authority, SharedPlan plan, UUID idempotencyKey);

	/** The partner's findings for the plan it took under the key; empty while it has none yet. */
	Optional<Findings> findings(JointAuthority authority, UUID idempotencyKey);

	/** What partners receive: the entity, the date, the scope and who leads; no names of health staff. */
	record SharedPlan(UUID jointInspectionId, String uscc, String entityName, String address, LocalDate plannedOn,
			String scope, String lead) {
	}

	/** A partner's findings, with the partner's own inspector reference. */
	record Findings(String text, String inspector) {
	}

	/** The partner did not answer (down, slow, refused); the part waits and is tried again. */
	class Unavailable extends RuntimeException {

		public Unavailable(String message, Throwable cause) {
			super(message, cause);
		}
	}
}
