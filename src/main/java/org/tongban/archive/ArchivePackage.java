package org.tongban.archive;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A case's archival package as staff see it: pending, archived or disposed. */
public record ArchivePackage(UUID id, UUID caseId, String itemCode, String itemName, String applicantName,
		String applicantId, String outcome, String status, String statusLabel, Long sizeBytes, String sm3,
		Instant completedAt, Instant archivedAt, LocalDate retainUntil, int attempts, String lastError,
		Instant disposedAt, String disposedBy, String disposalReason) {

	/** The same package with the applicant's identifier replaced (masked for lists). */
	public ArchivePackage withApplicantId(String masked) {
		return new ArchivePackage(id, caseId, itemCode, itemName, applicantName, masked, outcome, status, statusLabel,
				sizeBytes, sm3, completedAt, archivedAt, retainUntil, attempts, lastError, disposedAt, disposedBy,
				disposalReason);
	}

	static String label(String status) {
		return switch (status) {
			case "PENDING" -> "待归档";
			case "ARCHIVED" -> "已归档";
			case "DISPOSED" -> "已销毁";
			default -> status;
		};
	}
}
