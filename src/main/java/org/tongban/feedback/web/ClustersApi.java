package org.tongban.feedback.web;

import java.util.List;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.tongban.feedback.Clusters;
import org.tongban.identity.SignedInUser;

/** Clusters of similar complaints for staff, and turning one into a guide revision or a reform report. */
@RestController
class ClustersApi {

	private final Clusters clusters;

	ClustersApi(Clusters clusters) {
		this.clusters = clusters;
	}

	@GetMapping("/api/feedback/clusters")
	List<Clusters.Summary> list(@AuthenticationPrincipal SignedInUser me) {
		return clusters.list(me);
	}

	@GetMapping("/api/feedback/clusters/{id}")
	Clusters.Detail detail(@PathVariable UUID id, @AuthenticationPrincipal SignedInUser me) {
		return clusters.detail(me, id);
	}

	@PostMapping("/api/feedback/clusters/{id}/actions/revision")
	ResponseEntity<Clusters.Action> revision(@PathVariable UUID id,
			@RequestBody(required = false) Clusters.RevisionRequest request, @AuthenticationPrincipal SignedInUser me) {
		return ResponseEntity.status(HttpStatus.CREATED).body(clusters.requestRevision(me, id, request));
	}

	@PostMapping("/api/feedback/clusters/{id}/actions/report")
	ResponseEntity<Clusters.Action> report(@PathVariable UUID id,
			@RequestBody(required = false) Clusters.ReportRequest request, @AuthenticationPrincipal SignedInUser me) {
		return ResponseEntity.status(HttpStatus.CREATED).body(clusters.report(me, id, request));
	}
}
