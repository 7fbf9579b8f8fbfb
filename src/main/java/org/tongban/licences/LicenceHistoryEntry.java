package org.tongban.licences;

import java.time.Instant;
import java.util.UUID;

/** One change of a licence: ISSUE, SUSPEND, RESTORE, REVOKE, CHANGE, RENEW, CANCEL or REISSUE. */
public record LicenceHistoryEntry(String action, String actor, String reason, UUID caseId, Instant at) {
}
