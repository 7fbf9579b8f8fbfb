package org.tongban.cases.web;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.tongban.cases.Case;
import org.tongban.cases.CaseApplications;
import org.tongban.cases.CaseHandling;
import org.tongban.cases.CaseId;
import org.tongban.cases.CaseMaterial;
import org.tongban.cases.CaseReceipt;
import org.tongban.cases.CaseRecords;
import org.tongban.cases.CaseSummary;
import org.tongban.cases.Corrections;
import org.tongban.cases.NewCase;
import org.tongban.identity.SignedInUser;
import org.tongban.shared.Problem;

/**
 * The applicant's API. {@code POST /api/cases} answers 201 for a new case and 200 with the same body for a
 * replay of the same {@code Idempotency-Key}; {@code deadline} stays null until handling sets time limits.
 */
@RestController
@RequestMapping("/api/cases")
class CaseApi {

	private final CaseApplications cases;
	private final CaseHandling work;
	private final CaseRecords records;
	private final Corrections corrections;

	CaseApi(CaseApplications cases, CaseHandling work, CaseRecords records, Corrections corrections) {
		this.corrections = corrections;
		this.cases = cases;
		this.work = work;
		this.records = records;
	}

	private CaseView view(SignedInUser me, Case c) {
		return CaseView.of(c, work.allowed(me, c), records.decisionNotice(c));
	}

	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<CaseReceipt> apply(@AuthenticationPrincipal SignedInUser me,
			@RequestHeader(name = "Idempotency-Key", required = false) String key, @RequestBody NewCase request) {
		CaseApplications.Submission s = cases.apply(me, key, request);
		return ResponseEntity.status(s.created() ? HttpStatus.CREATED : HttpStatus.OK)
				.location(URI.create("/api/cases/" + s.receipt().id()))
				.body(s.receipt());
	}

	/** A draft to upload materials to before submitting; same body as {@code POST /api/cases}. */
	@PostMapping(path = "/drafts", consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<CaseView> draft(@AuthenticationPrincipal SignedInUser me, @RequestBody NewCase request) {
		CaseView view = view(me, cases.startDraft(me, request));
		return ResponseEntity.created(URI.create("/api/cases/" + view.id())).body(view);
	}

	@PutMapping(path = "/{id}/form", consumes = MediaType.APPLICATION_JSON_VALUE)
	CaseView saveForm(@AuthenticationPrincipal SignedInUser me, @PathVariable UUID id,
			@RequestBody Map<String, Object> form) {
		return view(me, cases.saveForm(me, new CaseId(id), form));
	}

	/** Submits a draft; idempotent like {@code POST /api/cases} (201 first, 200 on a replay). */
	@PostMapping("/{id}/actions/submit")
	ResponseEntity<CaseReceipt> submit(@AuthenticationPrincipal SignedInUser me, @PathVariable UUID id,
			@RequestHeader(name = "Idempotency-Key", required = false) String key) {
		CaseApplications.Submission s = cases.submitDraft(me, new CaseId(id), key);
		return ResponseEntity.status(s.created() ? HttpStatus.CREATED : HttpStatus.OK).body(s.receipt());
	}

	/** Deletes a draft (204); a submitted case is withdrawn instead (409). */
	@DeleteMapping("/{id}")
	ResponseEntity<Void> deleteDraft(@AuthenticationPrincipal SignedInUser me, @PathVariable UUID id) {
		cases.deleteDraft(me, new CaseId(id));
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/{id}")
	CaseView get(@AuthenticationPrincipal SignedInUser me, @PathVariable UUID id) {
		Case c = cases.get(me, new CaseId(id));
		cases.shown(me, c, "办件详情（接口）");
		return view(me, c);
	}

	@GetMapping
	List<CaseSummary> mine(@AuthenticationPrincipal SignedInUser me,
			@RequestParam(defaultValue = "true") boolean mine) {
		if (!mine) {
			throw Problem.forbidden("目前只能查看本人的办件（mine=true）。");
		}
		return cases.mine(me);
	}

	/** Uploads a material; {@code replaces} (optional) is an earlier file of it the new one supersedes. */
	@PostMapping(path = "/{id}/materials", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	ResponseEntity<CaseMaterial> upload(@AuthenticationPrincipal SignedInUser me, @PathVariable UUID id,
			@RequestParam("material") String material, @RequestParam(name = "replaces", required = false) UUID replaces,
			@RequestParam("file") MultipartFile file) {
		CaseMaterial added = corrections.upload(me, new CaseId(id), material, replaces, file.getOriginalFilename(),
				file.getSize(), file);
		return ResponseEntity.status(HttpStatus.CREATED).body(added);
	}

	/** What a window clerk sends to record a material handed in as a paper original. */
	record PaperReceipt(String material) {
	}

	/** The window clerk records a paper original (纸质原件) for a material of a window draft. */
	@PostMapping(path = "/{id}/paper-materials", consumes = MediaType.APPLICATION_JSON_VALUE)
	@PreAuthorize("hasRole('CLERK')")
	ResponseEntity<CaseView> paper(@AuthenticationPrincipal SignedInUser me, @PathVariable UUID id,
			@RequestBody PaperReceipt receipt) {
		Case c = cases.receivePaper(me, new CaseId(id), receipt == null ? null : receipt.material());
		return ResponseEntity.status(HttpStatus.CREATED).body(view(me, c));
	}

	/**
	 * Every handling action: accept, refuse, request-correction, correct, approve, deny, suspend, resume,
	 * extend, withdraw, claim, hand-over, confirm, notify-revocation, state-case, revoke. Body (all optional by
	 * action): {@code reason}, {@code items} (the correction notice's free-text items) and {@code materials}
	 * ({@code [{"material": …, "note": …}]}, the materials of the situation's list it names), {@code kind} (one of art. 45's procedures:
	 * HEARING, TENDER, AUCTION, INSPECTION, TESTING, QUARANTINE, APPRAISAL, EXPERT_REVIEW; ONSITE_CHECK where the
	 * guide lets it stop the promised clock) with {@code expectedDays}, {@code to}.
	 * An action the current step does not offer gets 409 with {@code allowedActions}.
	 */
	@PostMapping("/{id}/actions/{action}")
	CaseView act(@AuthenticationPrincipal SignedInUser me, @PathVariable UUID id, @PathVariable String action,
			@RequestBody(required = false) CaseHandling.ActionRequest body) {
		if ("withdraw".equals(action)) {
			return view(me, cases.withdraw(me, new CaseId(id), body == null ? null : body.reason()));
		}
		Case c = "request-correction".equals(action) ? corrections.requestCorrection(me, new CaseId(id), body)
				: work.act(me, new CaseId(id), action, body);
		cases.shown(me, c, "办件操作“" + action + "”");
		return view(me, c);
	}
}
