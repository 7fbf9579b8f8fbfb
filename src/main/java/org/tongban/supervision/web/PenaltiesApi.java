package org.tongban.supervision.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.tongban.identity.Role;
import org.tongban.identity.SignedInUser;
import org.tongban.shared.Problem;
import org.tongban.supervision.DiscretionBaseline;
import org.tongban.supervision.EnforcementRecords;
import org.tongban.supervision.LegalReviewers;
import org.tongban.supervision.Penalties;
import org.tongban.supervision.PenaltyCase;
import org.tongban.supervision.PenaltyPublication;
import org.tongban.supervision.SimilarCases;

/**
 * 行政处罚 over HTTP: the discretion baseline, penalty cases from opening to publication, legal reviewers, outliers and
 * the publication watch for staff, and the published decisions for everyone. Inspectors handle their own cases only
 * (another's is not found); decisions, legal review and publication are planners'.
 */
@RestController
class PenaltiesApi {

	/** A case as staff see it: what the caller may do now, the reviews, the comparison and the full-process record. */
	record CaseView(UUID id, String uscc, String entityName, UUID inspectionId, String summary, String handler,
			String status, String statusLabel, Instant openedAt, String violation, String violationName,
			String violated, String penaltyBasis, String circumstance, List<String> measures, Long fine, String decision,
			String facts, List<String> departures, String departureReason, List<String> majorReasons,
			boolean reviewRequired, String decisionNumber, String decidedBy, LocalDate decidedOn,
			LocalDate publicationDue, Instant publishedAt, SimilarCases.Comparison similarCases,
			List<Penalties.ReviewRound> reviews, List<EnforcementRecords.Step> record,
			EnforcementRecords.Verification recordIntact, List<String> allowedActions) {
	}

	record CaseRow(UUID id, String entityName, String uscc, String handler, String status, String statusLabel,
			Instant openedAt, String violation, Long fine, String decisionNumber) {
	}

	record NewReviewer(String username) {
	}

	private final Penalties penalties;
	private final DiscretionBaseline baseline;
	private final SimilarCases similar;
	private final PenaltyPublication publication;
	private final LegalReviewers reviewers;
	private final EnforcementRecords records;

	PenaltiesApi(Penalties penalties, DiscretionBaseline baseline, SimilarCases similar, PenaltyPublication publication,
			LegalReviewers reviewers, EnforcementRecords records) {
		this.penalties = penalties;
		this.baseline = baseline;
		this.similar = similar;
		this.publication = publication;
		this.reviewers = reviewers;
		this.records = records;
	}

	@GetMapping("/api/supervision/discretion-baseline")
	@PreAuthorize("hasAnyRole('SUPERVISOR', 'INSPECTOR')")
	DiscretionBaseline.Baseline baseline() {
		return baseline.current();
	}

	@GetMapping("/api/supervision/penalties")
	@PreAuthorize("hasAnyRole('SUPERVISOR', 'INSPECTOR')")
	List<CaseRow> list(@AuthenticationPrincipal SignedInUser me) {
		return penalties.list(me.has(Role.SUPERVISOR) ? null : me.username(), 500).stream()
			.map(c -> new CaseRow(c.id(), c.entityName(), c.uscc(), c.handler(), c.status().name(), c.status().label(),
					c.openedAt(), c.violation(), c.fine(), c.decisionNumber()))
			.toList();
	}

	@PostMapping("/api/supervision/penalties")
	@PreAuthorize("hasAnyRole('SUPERVISOR', 'INSPECTOR')")
	ResponseEntity<CaseView> open(@RequestBody(required = false) Penalties.Opening body,
			@AuthenticationPrincipal SignedInUser me) {
		return ResponseEntity.status(HttpStatus.CREATED).body(view(penalties.open(body, me.username()), me));
	}

	@GetMapping("/api/supervision/penalties/{id}")
	@PreAuthorize("hasAnyRole('SUPERVISOR', 'INSPECTOR')")
	CaseView read(@PathVariable UUID id, @AuthenticationPrincipal SignedInUser me) {
		return view(readable(id, me), me);
	}

	@PostMapping("/api/supervision/penalties/{id}/proposal")
	@PreAuthorize("hasAnyRole('SUPERVISOR', 'INSPECTOR')")
	CaseView propose(@PathVariable UUID id, @RequestBody(required = false) Penalties.Proposal body,
			@AuthenticationPrincipal SignedInUser me) {
		readable(id, me);
		return view(penalties.propose(id, body, me.username()), me);
	}

	@PostMapping("/api/supervision/penalties/{id}/review")
	@PreAuthorize("hasRole('SUPERVISOR')")
	CaseView review(@PathVariable UUID id, @RequestBody(required = false) Penalties.Review body,
			@AuthenticationPrincipal SignedInUser me) {
		return view(penalties.review(id, body, me.username()), me);
	}

	@PostMapping("/api/supervision/penalties/{id}/decision")
	@PreAuthorize("hasRole('SUPERVISOR')")
	CaseView decide(@PathVariable UUID id, @RequestBody(required = false) Penalties.Decision body,
			@AuthenticationPrincipal SignedInUser me) {
		return view(penalties.decide(id, body, me.username()), me);
	}

	@PostMapping("/api/supervision/penalties/{id}/publication")
	@PreAuthorize("hasRole('SUPERVISOR')")
	CaseView publish(@PathVariable UUID id, @AuthenticationPrincipal SignedInUser me) {
		return view(penalties.publish(id, me.username()), me);
	}

	@GetMapping("/api/supervision/penalty-outliers")
	@PreAuthorize("hasRole('SUPERVISOR')")
	List<SimilarCases.Outlier> outliers() {
		return similar.outliers();
	}

	@GetMapping("/api/supervision/penalty-publications")
	@PreAuthorize("hasRole('SUPERVISOR')")
	List<PenaltyPublication.Unpublished> unpublished() {
		return publication.unpublished();
	}

	@GetMapping("/api/supervision/legal-reviewers")
	@PreAuthorize("hasRole('SUPERVISOR')")
	List<LegalReviewers.Reviewer> legalReviewers() {
		return reviewers.all();
	}

	@PostMapping("/api/supervision/legal-reviewers")
	@PreAuthorize("hasRole('SUPERVISOR')")
	ResponseEntity<LegalReviewers.Reviewer> addLegalReviewer(@RequestBody(required = false) NewReviewer body,
			@AuthenticationPrincipal SignedInUser me) {
		return ResponseEntity.status(HttpStatus.CREATED)
			.body(reviewers.add(body == null ? null : body.username(), me.username()));
	}

	@DeleteMapping("/api/supervision/legal-reviewers/{username}")
	@PreAuthorize("hasRole('SUPERVISOR')")
	ResponseEntity<Void> removeLegalReviewer(@PathVariable String username, @AuthenticationPrincipal SignedInUser me) {
		reviewers.remove(username, me.username());
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/api/public/penalties")
	List<PenaltyPublication.Published> published() {
		return publication.published(500);
	}

	/** Planners read every case; an inspector only the cases they handle (another's is not found). */
	PenaltyCase readable(UUID id, SignedInUser me) {
		return penalties.find(id).filter(c -> me.has(Role.SUPERVISOR) || c.handler().equals(me.username()))
			.orElseThrow(() -> Problem.notFound("未找到该处罚案件。"));
	}

	/** The actions of the case's step that this caller may take. */
	List<String> allowed(PenaltyCase c, SignedInUser me) {
		List<String> out = new ArrayList<>();
		boolean handler = c.handler().equals(me.username());
		for (String a : c.status().actions()) {
			boolean may = switch (a) {
				case "propose" -> handler;
				case "review" -> !handler && me.has(Role.SUPERVISOR) && reviewers.isReviewer(me.username());
				case "decide" -> !handler && me.has(Role.SUPERVISOR);
				case "publish" -> me.has(Role.SUPERVISOR);
				default -> false;
			};
			if (may) {
				out.add(a);
			}
		}
		return out;
	}

	CaseView view(PenaltyCase c, SignedInUser me) {
		var v = baseline.violation(c.violation());
		return new CaseView(c.id(), c.uscc(), c.entityName(), c.inspectionId(), c.summary(), c.handler(), c.status().name(),
				c.status().label(), c.openedAt(), c.violation(), v.map(DiscretionBaseline.Violation::name).orElse(null),
				v.map(DiscretionBaseline.Violation::violated).orElse(null),
				v.map(DiscretionBaseline.Violation::penaltyBasis).orElse(null),
				c.circumstance() == null ? null : c.circumstance().name(),
				c.measures().stream().map(Enum::name).toList(), c.fine(), c.decisionText(), c.facts(), c.departures(),
				c.departureReason(), c.majorReasons(), c.reviewRequired(), c.decisionNumber(), c.decidedBy(), c.decidedOn(),
				c.publicationDue(), c.publishedAt(), similar.compare(c), penalties.reviewsOf(c.id()),
				records.of(EnforcementRecords.Subject.PENALTY, c.id()),
				records.verify(EnforcementRecords.Subject.PENALTY, c.id()), allowed(c, me));
	}
}
