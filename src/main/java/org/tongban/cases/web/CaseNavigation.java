package org.tongban.cases.web;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.tongban.identity.Role;
import org.tongban.identity.SignedInUser;

/** Tells every page whether to link the work list and the window: staff who handle cases see them. */
@ControllerAdvice
class CaseNavigation {

	@ModelAttribute("caseWork")
	boolean caseWork() {
		return user() instanceof SignedInUser me && (me.has(Role.CLERK) || me.has(Role.APPROVER)
				|| me.has(Role.INSPECTOR) || me.has(Role.LEADER) || me.has(Role.DIVISION_STAFF));
	}

	@ModelAttribute("windowWork")
	boolean windowWork() {
		return user() instanceof SignedInUser me && me.has(Role.CLERK);
	}

	private static Object user() {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		return auth == null ? null : auth.getPrincipal();
	}
}
