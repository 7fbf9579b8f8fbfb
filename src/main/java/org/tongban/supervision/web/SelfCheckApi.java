package org.tongban.supervision.web;

import java.time.Instant;
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
import org.tongban.identity.Role;
import org.tongban.identity.SignedInUser;
import org.tongban.shared.Problem;
import org.tongban.supervision.Grade;
import org.tongban.supervision.Register;
import org.tongban.supervision.RegulatedEntity;
import org.tongban.supervision.SelfChecks;

/**
 * 合规体检 over HTTP: an enterprise answers its sector's list for its own entity (another enterprise's USCC is not
 * found, 404), reads the risk points and confirms fixes; supervision staff read any self-check.
 */
@RestController
class SelfCheckApi {

	/** A self-check with the entity's grades as they stand now (a completed one may have lowered the risk grade). */
	record SelfCheckView(UUID id, String uscc, String entityName, String sector, String sectorLabel, int questions,
			Instant submittedAt, boolean completed, Instant completedAt, List<SelfChecks.RiskPoint> risks,
			String creditGrade, String riskGrade, String combinedClass, List<Grade.Reason> reasons) {
	}

	private final SelfChecks selfChecks;
	private final Register register;

	SelfCheckApi(SelfChecks selfChecks, Register register) {
		this.selfChecks = selfChecks;
		this.register = register;
	}

	@PostMapping("/api/supervision/self-checks")
	@PreAuthorize("hasRole('ENTERPRISE')")
	ResponseEntity<SelfCheckView> submit(@RequestBody(required = false) SelfChecks.Submission body,
			@AuthenticationPrincipal SignedInUser me) {
		SelfChecks.SelfCheck check = selfChecks.submit(body, me.uscc(), me.username());
		return ResponseEntity.status(HttpStatus.CREATED).body(view(check, register));
	}

	@GetMapping("/api/supervision/self-checks/{id}")
	@PreAuthorize("hasAnyRole('ENTERPRISE', 'SUPERVISOR', 'INSPECTOR')")
	SelfCheckView read(@PathVariable UUID id, @AuthenticationPrincipal SignedInUser me) {
		return view(readable(selfChecks, id, me), register);
	}

	@PostMapping("/api/supervision/self-checks/{id}/fixes")
	@PreAuthorize("hasRole('ENTERPRISE')")
	SelfCheckView fixes(@PathVariable UUID id, @RequestBody(required = false) SelfChecks.Fixes body,
			@AuthenticationPrincipal SignedInUser me) {
		return view(selfChecks.confirmFixes(id, body, me.uscc(), me.username()), register);
	}

	/** The owner enterprise, or supervision staff; anyone else is told it does not exist. */
	static SelfChecks.SelfCheck readable(SelfChecks selfChecks, UUID id, SignedInUser me) {
		return selfChecks.find(id)
			.filter(c -> me.has(Role.SUPERVISOR) || me.has(Role.INSPECTOR)
					|| (me.has(Role.ENTERPRISE) && me.uscc() != null && c.uscc().equalsIgnoreCase(me.uscc().strip())))
			.orElseThrow(() -> Problem.notFound("未找到这次合规体检。"));
	}

	static SelfCheckView view(SelfChecks.SelfCheck c, Register register) {
		RegulatedEntity e = register.find(c.uscc()).orElseThrow();
		return new SelfCheckView(c.id(), c.uscc(), c.entityName(), c.sector().name(), c.sector().label(), c.questions(),
				c.submittedAt(), c.completed(), c.completedAt(), c.risks(), e.credit(), e.risk(), e.combined(), e.reasons());
	}
}
