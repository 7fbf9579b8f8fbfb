package org.tongban.supervision.web;

import java.util.List;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.tongban.identity.SignedInUser;
import org.tongban.shared.Problem;
import org.tongban.supervision.EnforcementRecords;
import org.tongban.supervision.JointInspections;

/**
 * 联合检查 over HTTP: planners plan a joint inspection with market regulation and drug administration; supervision
 * staff read it with each authority's part and record this institute's findings of the visit.
 */
@RestController
class JointInspectionsApi {

	/** A joint inspection with its full-process record. */
	record JointView(JointInspections.JointInspection inspection, List<EnforcementRecords.Step> record,
			EnforcementRecords.Verification recordIntact) {
	}

	record Visit(String findings) {
	}

	private final JointInspections joint;
	private final EnforcementRecords records;

	JointInspectionsApi(JointInspections joint, EnforcementRecords records) {
		this.joint = joint;
		this.records = records;
	}

	@PostMapping("/api/supervision/joint-inspections")
	@PreAuthorize("hasRole('SUPERVISOR')")
	ResponseEntity<JointInspections.JointInspection> plan(@RequestBody(required = false) JointInspections.NewJointInspection body,
			@AuthenticationPrincipal SignedInUser me) {
		return ResponseEntity.status(HttpStatus.CREATED).body(joint.plan(body, me.username()));
	}

	@GetMapping("/api/supervision/joint-inspections")
	@PreAuthorize("hasAnyRole('SUPERVISOR', 'INSPECTOR')")
	List<JointInspections.JointInspection> recent() {
		return joint.recent(200);
	}

	@GetMapping("/api/supervision/joint-inspections/{id}")
	@PreAuthorize("hasAnyRole('SUPERVISOR', 'INSPECTOR')")
	JointView read(@PathVariable UUID id) {
		JointInspections.JointInspection j = joint.find(id).orElseThrow(() -> Problem.notFound("未找到该联合检查。"));
		return new JointView(j, records.of(EnforcementRecords.Subject.JOINT_INSPECTION, id),
				records.verify(EnforcementRecords.Subject.JOINT_INSPECTION, id));
	}

	@PostMapping("/api/supervision/joint-inspections/{id}/visit")
	@PreAuthorize("hasAnyRole('SUPERVISOR', 'INSPECTOR')")
	JointInspections.JointInspection visit(@PathVariable UUID id, @RequestBody(required = false) Visit body,
			@AuthenticationPrincipal SignedInUser me) {
		return joint.visit(id, body == null ? null : body.findings(), me.username());
	}
}
