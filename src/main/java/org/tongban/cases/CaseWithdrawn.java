package org.tongban.cases;

/** The applicant withdrew the case before a decision. */
public record CaseWithdrawn(CaseId caseId, String itemCode, String reason) {
}
