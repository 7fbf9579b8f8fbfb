package org.tongban.integrated.web;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.tongban.identity.SignedInUser;
import org.tongban.integrated.IndustryPackage;
import org.tongban.integrated.IndustryPackages;
import org.tongban.integrated.IntegratedAccess;
import org.tongban.integrated.MergedApplication;
import org.tongban.integrated.PackageDocuments;
import org.tongban.integrated.PackageEditing;
import org.tongban.integrated.PackageStatus;
import org.tongban.integrated.PackageVersion;
import org.tongban.shared.Problem;

/**
 * 一业一证 packages over HTTP. Reading published packages, answering the questionnaire and the two documents are
 * public; drafts, review and publication are for staff (the façade checks division and second person).
 */
@RestController
@RequestMapping("/api/integrated")
class IntegratedApi {

	private final IndustryPackages packages;
	private final PackageEditing editing;
	private final PackageDocuments documents;

	IntegratedApi(IndustryPackages packages, PackageEditing editing, PackageDocuments documents) {
		this.packages = packages;
		this.editing = editing;
		this.documents = documents;
	}

	/** A package in the list: its identity and the whole journey of items, external ones included. */
	record PackageSummary(String code, String name, String industry, IndustryPackage.Role role,
			String leadAuthority, String itemCode, int version, List<IndustryPackage.Item> items) {

		static PackageSummary of(IndustryPackage p) {
			return new PackageSummary(p.code(), p.name(), p.industry(), p.role(), p.leadAuthority(), p.itemCode(),
					p.version(), p.items());
		}
	}

	record PackageList(List<PackageSummary> items) {
	}

	/** A version's public record: the package and when it was published, without who wrote or reviewed it. */
	record PublicVersion(int version, PackageStatus status, String statusLabel, java.time.Instant publishedAt) {
	}

	record Booklet(String code, String name, int version, boolean legalReviewPending,
			List<IndustryPackage.Obligation> obligations) {
	}

	record Rejection(String reason) {
	}

	@GetMapping("/packages")
	PackageList list() {
		return new PackageList(packages.published().stream().map(PackageSummary::of).toList());
	}

	@GetMapping("/packages/{code}")
	IndustryPackage published(@PathVariable String code) {
		return live(code);
	}

	/** Published and superseded versions for everyone; staff who may edit or review also see drafts. */
	@GetMapping("/packages/{code}/versions")
	List<PublicVersion> versions(@AuthenticationPrincipal SignedInUser me, @PathVariable String code) {
		return editing.versions(code).stream().filter(v -> visible(me, v))
			.map(v -> new PublicVersion(v.version(), v.status(), v.statusLabel(), v.publishedAt())).toList();
	}

	@GetMapping("/packages/{code}/versions/{version}")
	IndustryPackage version(@AuthenticationPrincipal SignedInUser me, @PathVariable String code,
			@PathVariable int version) {
		PackageVersion v = editing.version(code, version);
		if (!visible(me, v)) {
			throw Problem.notFound("行业“" + code + "”没有第 " + version + " 版。");
		}
		return v.content();
	}

	/** The merged form and material list for the answers; the body is the answers, or {@code {answers: {...}}}. */
	@PostMapping("/packages/{code}/answers")
	MergedApplication answers(@PathVariable String code, @RequestBody(required = false) Map<String, Object> body) {
		Map<String, Object> answers = body;
		if (body != null && body.size() == 1 && body.get("answers") instanceof Map<?, ?> inner) {
			@SuppressWarnings("unchecked")
			Map<String, Object> nested = (Map<String, Object>) inner;
			answers = nested;
		}
		return packages.merge(code, answers);
	}

	@GetMapping("/packages/{code}/manual.pdf")
	ResponseEntity<byte[]> manual(@PathVariable String code) {
		IndustryPackage p = live(code);
		return pdf(documents.manualPdf(p), p.code() + "-manual-v" + p.version() + ".pdf");
	}

	/** 一册告知 as JSON, or as a printable HTML document to a browser asking for HTML. */
	@GetMapping("/packages/{code}/booklet")
	ResponseEntity<?> booklet(@PathVariable String code,
			@RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
		IndustryPackage p = live(code);
		if (accept != null && accept.contains(MediaType.TEXT_HTML_VALUE) && !accept.contains("application/json")) {
			return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
				.body(PackageDocuments.bookletHtml(p));
		}
		return ResponseEntity.ok(new Booklet(p.code(), p.name(), p.version(), p.legalReviewPending(), p.obligations()));
	}

	@GetMapping("/packages/{code}/booklet.pdf")
	ResponseEntity<byte[]> bookletPdf(@PathVariable String code) {
		IndustryPackage p = live(code);
		return pdf(documents.bookletPdf(p), p.code() + "-booklet-v" + p.version() + ".pdf");
	}

	@GetMapping("/drafts")
	@PreAuthorize(IntegratedAccess.WORK)
	List<PackageVersion> drafts() {
		return editing.open();
	}

	@PostMapping("/packages/{code}/drafts")
	@PreAuthorize(IntegratedAccess.WORK)
	ResponseEntity<PackageVersion> createDraft(@AuthenticationPrincipal SignedInUser me, @PathVariable String code) {
		PackageVersion draft = editing.createDraft(me, code);
		return ResponseEntity.created(URI.create("/api/integrated/packages/" + code + "/versions/" + draft.version()))
			.body(draft);
	}

	@PutMapping("/packages/{code}/drafts/{version}")
	@PreAuthorize(IntegratedAccess.WORK)
	PackageVersion updateDraft(@AuthenticationPrincipal SignedInUser me, @PathVariable String code,
			@PathVariable int version, @RequestBody(required = false) Map<String, Object> content) {
		return editing.updateDraft(me, code, version, content);
	}

	@PostMapping("/packages/{code}/drafts/{version}/submit")
	@PreAuthorize(IntegratedAccess.WORK)
	PackageVersion submit(@AuthenticationPrincipal SignedInUser me, @PathVariable String code,
			@PathVariable int version) {
		return editing.submit(me, code, version);
	}

	@PostMapping("/packages/{code}/drafts/{version}/publish")
	@PreAuthorize(IntegratedAccess.WORK)
	PackageVersion publish(@AuthenticationPrincipal SignedInUser me, @PathVariable String code,
			@PathVariable int version) {
		return editing.publish(me, code, version);
	}

	@PostMapping("/packages/{code}/drafts/{version}/reject")
	@PreAuthorize(IntegratedAccess.WORK)
	PackageVersion reject(@AuthenticationPrincipal SignedInUser me, @PathVariable String code,
			@PathVariable int version, @RequestBody(required = false) Rejection body) {
		return editing.reject(me, code, version, body == null ? null : body.reason());
	}

	private IndustryPackage live(String code) {
		return packages.published(code)
			.orElseThrow(() -> Problem.notFound("没有代码为“" + code + "”的一业一证行业。"));
	}

	private static boolean visible(SignedInUser me, PackageVersion v) {
		return v.status() == PackageStatus.PUBLISHED || v.status() == PackageStatus.SUPERSEDED
				|| IntegratedAccess.mayReview(me) || IntegratedAccess.mayEdit(me, v.content().division());
	}

	private static ResponseEntity<byte[]> pdf(byte[] body, String filename) {
		return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"" + filename + "\"").body(body);
	}
}
