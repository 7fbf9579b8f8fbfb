package org.tongban.cases;

import java.time.Instant;

/**
 * Post-verification (事后核查) found a notice-commitment false: the grant is revoked. Supervision and credit
 * grading react to it; licences revoke what the grant issued.
 */
@org.springframework.modulith.NamedInterface("api")
public record CommitmentBroken(CaseId caseId, String itemCode, Applicant applicant, String findings,
		String inspector, Instant at) {
}
