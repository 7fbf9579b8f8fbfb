package org.tongban.cases;

import java.time.Instant;

/** One change of a case's status, with who made it and why. */
public record TimelineEntry(CaseStatus status, String statusLabel, String actor, Instant at, String reason) {

	public TimelineEntry(CaseStatus status, String actor, Instant at, String reason) {
		this(status, status.label(), actor, at, reason);
	}
}
