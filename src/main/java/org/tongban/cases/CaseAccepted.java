package org.tongban.cases;

import java.time.LocalDate;

/** The case was accepted (受理), by a clerk or, after five working days without a decision, by law (deemed). */
public record CaseAccepted(CaseId caseId, String itemCode, LocalDate acceptedOn, LocalDate promisedDeadline,
		boolean deemed) {
}
