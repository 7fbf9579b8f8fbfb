package org.tongban.cases;

import java.time.Instant;
import java.util.List;

/**
 * One step of a case: the status it left the case in, who acted, when and why. {@code action} names the
 * API action (accept, request-correction …); {@code items} lists what a correction notice asks for.
 */
@org.springframework.modulith.NamedInterface("api")
public record TimelineEntry(CaseStatus status, String statusLabel, String actor, Instant at, String reason,
		String action, List<String> items) {

	public TimelineEntry {
		items = items == null ? List.of() : List.copyOf(items);
	}

	public TimelineEntry(CaseStatus status, String actor, Instant at, String reason) {
		this(status, status.label(), actor, at, reason, null, List.of());
	}

	public TimelineEntry(CaseStatus status, String actor, Instant at, String reason, String action, List<String> items) {
		this(status, status.label(), actor, at, reason, action, items);
	}

	/** The Chinese name of the action, for the timeline. */
	public String actionLabel() {
		return action == null ? statusLabel : CaseAction.labelOf(action);
	}
}
