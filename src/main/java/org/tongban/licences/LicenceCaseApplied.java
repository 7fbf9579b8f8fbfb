package org.tongban.licences;

import org.tongban.cases.CaseId;

/**
 * A decision applied to a licence: {@code action} ISSUE, CHANGE, RENEW, CANCEL or REISSUE of licence {@code number},
 * from case {@code caseId} (for an integrated licence, the integrated application). Those composing several cases
 * (一业一证) wait for it: a granted case's licence exists only once this has been published.
 */
public record LicenceCaseApplied(String number, String itemCode, CaseId caseId, String action) {
}
