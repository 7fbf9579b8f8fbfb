package org.tongban.cases;

import java.time.Instant;

/**
 * The decision (决定) on a case: granted or denied, with the reasons for a denial. Licences are issued from
 * a grant; {@code noticeCommitment} marks a grant made at once on the applicant's signed commitment
 * (告知承诺制), which a post-verification may still revoke.
 */
@org.springframework.modulith.NamedInterface("api")
public record CaseDecided(CaseId caseId, String itemCode, String itemName, String situation, String situationName,
		boolean granted, Applicant applicant, Instant decidedAt, String reasons, boolean noticeCommitment,
		Channel channel) {
}
