package org.tongban.archive.web;

import java.io.InputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.springframework.core.io.InputStreamResource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.tongban.archive.ArchivePackage;
import org.tongban.archive.ArchivePackages;
import org.tongban.archive.Archiving;
import org.tongban.archive.FixityCheck;
import org.tongban.identity.SignedInUser;

/** The archive's JSON API: search for staff, download for ADMIN/APPROVER, disposal and checks for ADMIN. */
@RestController
@PreAuthorize(ArchiveApi.STAFF)
class ArchiveApi {

	static final String STAFF = "hasAnyRole('CLERK','APPROVER','INSPECTOR','DIVISION_STAFF','LEADER','ADMIN')";
	/** The contents: the item's division only ({@link ArchiveDuty}); administrators see metadata only. */
	static final String DOWNLOAD = "hasAnyRole('APPROVER','DIVISION_STAFF')";

	private final ArchivePackages packages;
	private final FixityCheck fixity;
	private final Archiving archiving;
	private final ArchiveDuty duty;

	ArchiveApi(ArchivePackages packages, FixityCheck fixity, Archiving archiving, ArchiveDuty duty) {
		this.duty = duty;
		this.packages = packages;
		this.fixity = fixity;
		this.archiving = archiving;
	}

	/** What a search result shows. */
	record PackageSummary(UUID id, UUID caseId, String itemCode, String itemName, String applicantName, String status,
			String statusLabel, Long sizeBytes, String sm3, java.time.Instant completedAt, java.time.Instant archivedAt,
			LocalDate retainUntil, int attempts, String lastError) {

		static PackageSummary of(ArchivePackage p) {
			return new PackageSummary(p.id(), p.caseId(), p.itemCode(), p.itemName(), p.applicantName(), p.status(),
					p.statusLabel(), p.sizeBytes(), p.sm3(), p.completedAt(), p.archivedAt(), p.retainUntil(),
					p.attempts(), p.lastError());
		}
	}

	@GetMapping("/api/archive/packages")
	List<PackageSummary> search(@AuthenticationPrincipal SignedInUser me, @RequestParam(required = false) String caseId,
			@RequestParam(required = false) String applicant, @RequestParam(required = false) String itemCode,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
		return duty.search(me, new ArchivePackages.Query(caseId, applicant, itemCode, from, to)).stream()
			.map(PackageSummary::of)
			.toList();
	}

	@GetMapping("/api/archive/packages/{id}")
	ArchivePackage one(@AuthenticationPrincipal SignedInUser me, @PathVariable UUID id) {
		return duty.one(me, id);
	}

	@GetMapping("/api/archive/packages/{id}/download")
	@PreAuthorize(DOWNLOAD)
	ResponseEntity<InputStreamResource> download(@AuthenticationPrincipal SignedInUser me, @PathVariable UUID id) {
		return zip(packages, duty.toDownload(me, id));
	}

	static ResponseEntity<InputStreamResource> zip(ArchivePackages packages, ArchivePackage p) {
		UUID id = p.id();
		InputStream in = packages.open(id);
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType("application/zip"))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(p.caseId() + ".zip").build().toString())
			.body(new InputStreamResource(in));
	}

	record Disposal(String reason) {
	}

	@PostMapping("/api/archive/packages/{id}/disposal")
	@PreAuthorize("hasRole('ADMIN')")
	ArchivePackage dispose(@PathVariable UUID id, @RequestBody(required = false) Disposal body,
			@AuthenticationPrincipal SignedInUser me) {
		return ArchiveDuty.masked(packages.dispose(id, me.username(), body == null ? null : body.reason()));
	}

	@PostMapping("/api/archive/fixity-check")
	@PreAuthorize("hasRole('ADMIN')")
	FixityCheck.Report check(@AuthenticationPrincipal SignedInUser me) {
		return fixity.run(me.username());
	}

	@GetMapping("/api/archive/fixity-runs")
	List<FixityCheck.Report> runs() {
		return fixity.recent(20);
	}

	@PostMapping("/api/archive/build")
	@PreAuthorize("hasRole('ADMIN')")
	Archiving.Run build() {
		return archiving.buildPending();
	}
}
