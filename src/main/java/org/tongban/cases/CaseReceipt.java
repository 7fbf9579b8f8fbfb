package org.tongban.cases;

import java.time.LocalDate;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What submitting returns. {@code deadline} is always null for now: time limits come with handling,
 * which sets it when the case is accepted.
 */
public record CaseReceipt(UUID id, CaseStatus status,
		@JsonInclude(JsonInclude.Include.ALWAYS) LocalDate deadline) {
}
