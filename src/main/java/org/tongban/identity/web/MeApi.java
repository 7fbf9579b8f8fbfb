package org.tongban.identity.web;

import java.util.Set;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.tongban.identity.Role;
import org.tongban.identity.SignedInUser;

/** Who am I: lets scripts and pages check the signed-in account and its roles. */
@RestController
class MeApi {

	record Me(String username, String displayName, Set<Role> roles, String orgUnitCode, String orgUnitName) {
	}

	@GetMapping("/api/me")
	Me me(@AuthenticationPrincipal SignedInUser user) {
		return new Me(user.username(), user.displayName(), user.roles(), user.orgUnitCode(), user.orgUnitName());
	}
}
