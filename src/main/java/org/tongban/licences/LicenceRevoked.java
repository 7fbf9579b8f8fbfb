package org.tongban.licences;

import java.time.Instant;
import java.util.UUID;

/** A licence was revoked (吊销/撤销): final, it cannot be restored. */
public record LicenceRevoked(String number, String itemCode, UUID caseId, String actor, String reason, Instant at) {
}
