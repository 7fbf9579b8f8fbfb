package org.tongban.cases.web;

import java.net.URI;
import java.util.Optional;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.tongban.cases.CaseApplications;
import org.tongban.cases.CaseHandling;
import org.tongban.cases.NewCase;
import org.tongban.cases.Worklist;
import org.tongban.identity.SignedInUser;

/** The staff side of the API: work lists, and cases opened at the window. */
@RestController
class WorkApi {

	private final Worklist worklist;
	private final CaseApplications cases;
	private final CaseHandling work;

	WorkApi(Worklist worklist, CaseApplications cases, CaseHandling work) {
		this.worklist = worklist;
		this.cases = cases;
		this.work = work;
	}

	@GetMapping("/api/worklist")
	@PreAuthorize("hasAnyRole('CLERK', 'APPROVER', 'INSPECTOR', 'LEADER', 'DIVISION_STAFF')")
	Worklist.Lists worklist(@AuthenticationPrincipal SignedInUser me) {
		return worklist.of(me);
	}

	/** What a clerk sends for a walk-in applicant: the application, and that the ID card was checked. */
	record WindowCase(NewCase application, Boolean identityChecked) {
	}

	@PostMapping(path = "/api/window/cases", consumes = MediaType.APPLICATION_JSON_VALUE)
	@PreAuthorize("hasRole('CLERK')")
	ResponseEntity<CaseView> open(@AuthenticationPrincipal SignedInUser me, @RequestBody WindowCase request) {
		var c = cases.openAtWindow(me, request.application(), Boolean.TRUE.equals(request.identityChecked()));
		// a case just opened is undecided: it has no written decision yet
		return ResponseEntity.created(URI.create("/api/cases/" + c.id()))
				.body(CaseView.of(c, work.allowed(me, c), Optional.empty()));
	}
}
