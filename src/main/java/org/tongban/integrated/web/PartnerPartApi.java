package org.tongban.integrated.web;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.tongban.identity.SignedInUser;
import org.tongban.integrated.PartnerParts;
import org.tongban.shared.Problem;

/**
 * The hand-over from a cooperating industry's lead authority ({@code X-Lead-Token}, its secret, checked in constant
 * time before the body is used; a wrong or missing one is 403), and the applicant's own view of the parts handed over
 * for their enterprise with where each result stands.
 */
@RestController
class PartnerPartApi {

	private final PartnerParts parts;

	PartnerPartApi(PartnerParts parts) {
		this.parts = parts;
	}

	@PostMapping("/api/integrated/partner-parts")
	ResponseEntity<List<PartnerParts.Part>> receive(@RequestHeader(name = "X-Lead-Token", required = false) String token,
			@RequestBody PartnerParts.HandOver handOver) {
		if (handOver == null || !parts.authentic(handOver.packageCode(), token)) {
			throw Problem.forbidden("牵头部门的接口密钥不正确。");
		}
		List<PartnerParts.Part> received = parts.receive(handOver);
		return ResponseEntity.status(HttpStatus.CREATED).body(received);
	}

	@GetMapping("/api/integrated/partner-parts")
	List<PartnerParts.Part> mine(@AuthenticationPrincipal SignedInUser me) {
		return parts.mine(me);
	}
}
