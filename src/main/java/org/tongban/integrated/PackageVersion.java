package org.tongban.integrated;

import java.time.Instant;

/** A version of a package with its editing record, as the staff pages and endpoints show it. */
public record PackageVersion(String code, int version, PackageStatus status, String statusLabel,
		IndustryPackage content, String author, String reviewer, String rejectReason, Instant updatedAt,
		Instant publishedAt) {

	static PackageVersion of(PackageStore.Row row) {
		return new PackageVersion(row.code(), row.version(), row.status(), row.status().label(), row.content(),
				row.author(), row.reviewer(), row.rejectReason(), row.updatedAt(), row.publishedAt());
	}
}
