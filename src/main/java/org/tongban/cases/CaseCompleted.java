package org.tongban.cases;

import java.time.Instant;

/**
 * A case was finished (办结) with {@code outcome} GRANTED, DENIED, REFUSED or WITHDRAWN: nothing more will be
 * added to its file, so it can be archived.
 */
@org.springframework.modulith.NamedInterface("api")
public record CaseCompleted(CaseId caseId, String itemCode, CaseStatus outcome, Instant completedAt) {
}
