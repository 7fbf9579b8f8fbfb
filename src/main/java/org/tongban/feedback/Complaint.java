package org.tongban.feedback;

import java.time.Instant;
import java.util.UUID;

/**
 * A complaint to be grouped with similar ones: a bad rating's text or a 办不成事 ticket. {@code sourceId} is the
 * rating's or the ticket's id, {@code itemCode} the service item it concerns (null when none), {@code unit} the unit
 * responsible.
 */
public record Complaint(Kind kind, UUID sourceId, String text, String itemCode, String unit, Instant receivedAt) {

	/** Where a complaint comes from. */
	public enum Kind {
		RATING("差评"), TICKET("办不成事");

		private final String label;

		Kind(String label) {
			this.label = label;
		}

		public String label() {
			return label;
		}
	}

	public Complaint {
		if (kind == null || sourceId == null || text == null || text.isBlank() || unit == null || receivedAt == null) {
			throw new IllegalArgumentException("a complaint needs kind, source, text, unit and time");
		}
	}
}
