package org.tongban.cases;

import java.time.LocalDate;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What submitting returns: the next date the authority is bound to, the 办件编号 and the 查询码 that together
 * show the progress at {@code /track} without an account.
 */
public record CaseReceipt(UUID id, CaseStatus status,
		@JsonInclude(JsonInclude.Include.ALWAYS) LocalDate deadline, String number, String queryCode) {
}
