package org.tongban.supervision.web;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.tongban.identity.SignedInUser;
import org.tongban.shared.Problem;
import org.tongban.supervision.JointInspections;
import org.tongban.supervision.PartnerAuthorities;

/**
 * 联合检查 over HTTP: planners make a joint plan; planners and inspectors read it and record the commission's
 * findings; a partner authority sends its findings with its own secret ({@code X-Partner-Token}).
 */
@RestController
class JointInspectionsApi {

	/** A finding as sent: the commission's own (no authority) or a partner's. */
	record FindingRequest(String authority, String uscc, String outcome, String findings, String reference) {
	}

	private final JointInspections joints;

	JointInspectionsApi(JointInspections joints) {
		this.joints = joints;
	}

	@GetMapping("/api/supervision/joint-inspections/partners")
	@PreAuthorize("hasAnyRole('SUPERVISOR', 'INSPECTOR')")
	List<PartnerAuthorities.Partner> partners() {
		return joints.partners();
	}

	@PostMapping("/api/supervision/joint-inspections")
	@PreAuthorize("hasRole('SUPERVISOR')")
	ResponseEntity<JointInspections.Joint> plan(@RequestBody(required = false) JointInspections.Request body,
			@AuthenticationPrincipal SignedInUser me) {
		return ResponseEntity.status(HttpStatus.CREATED).body(joints.plan(body, me.username()));
	}

	@GetMapping("/api/supervision/joint-inspections")
	@PreAuthorize("hasAnyRole('SUPERVISOR', 'INSPECTOR')")
	List<JointInspections.Joint> list() {
		return joints.recent();
	}

	@GetMapping("/api/supervision/joint-inspections/{id}")
	@PreAuthorize("hasAnyRole('SUPERVISOR', 'INSPECTOR')")
	JointInspections.Joint read(@PathVariable UUID id) {
		return joints.find(id).orElseThrow(() -> Problem.notFound("未找到该联合检查。"));
	}

	@PostMapping("/api/supervision/joint-inspections/{id}/findings")
	@PreAuthorize("hasAnyRole('SUPERVISOR', 'INSPECTOR')")
	ResponseEntity<JointInspections.Recorded> own(@PathVariable UUID id, @RequestBody(required = false) FindingRequest body,
			@AuthenticationPrincipal SignedInUser me) {
		FindingRequest f = body == null ? new FindingRequest(null, null, null, null, null) : body;
		JointInspections.Recorded r = joints.recordOwn(id, f.uscc(), f.outcome(), f.findings(), me.username());
		return ResponseEntity.status(r.recorded() ? HttpStatus.CREATED : HttpStatus.OK).body(r);
	}

	/** The partners' callback: no account, the partner's own secret; a finding sent twice is recorded once. */
	@PostMapping("/api/supervision/joint-inspections/{id}/partner-findings")
	ResponseEntity<Map<String, Object>> partner(@PathVariable UUID id,
			@RequestHeader(name = "X-Partner-Token", required = false) String token,
			@RequestBody(required = false) FindingRequest body) {
		FindingRequest f = body == null ? new FindingRequest(null, null, null, null, null) : body;
		if (!joints.callbackAuthentic(f.authority(), token)) {
			throw Problem.forbidden("部门标识或令牌不正确。");
		}
		JointInspections.Recorded r = joints.recordPartner(id, f.authority(), f.uscc(), f.outcome(), f.findings(),
				f.reference());
		return ResponseEntity.status(r.recorded() ? HttpStatus.CREATED : HttpStatus.OK)
			.body(Map.of("recorded", r.recorded(), "authority", r.finding().authority(), "uscc", r.finding().uscc()));
	}
}
