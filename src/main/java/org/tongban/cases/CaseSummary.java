package org.tongban.cases;

import java.time.Instant;
import java.util.UUID;

/** A line in "my cases". */
public record CaseSummary(UUID id, String itemCode, String itemName, String situation, String situationName,
		CaseStatus status, String statusLabel, Instant createdAt, Instant submittedAt) {
}
