package org.tongban.licences;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One change of a licence: ISSUE, SUSPEND, RESTORE, REVOKE, CHANGE, RENEW, CANCEL or REISSUE, with what it
 * changed in the licence's data ({@code changes}, empty when it changed none).
 */
public record LicenceHistoryEntry(String action, String actor, String reason, UUID caseId, Instant at,
		List<Change> changes) {

	/** One datum before and after ({@code null} where it had no value). */
	public record Change(String label, String before, String after) {
	}
}
