package org.tongban.cases;

import java.time.Instant;
import java.util.UUID;

/** A line in "my cases"; {@code number} is the 办件编号, null on a draft. */
public record CaseSummary(UUID id, String itemCode, String itemName, String situation, String situationName,
		CaseStatus status, String statusLabel, Instant createdAt, Instant submittedAt, String number) {
}
