package org.tongban.reports.web;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.tongban.identity.Role;
import org.tongban.identity.SignedInUser;

/** Tells every page whether to link the reports: the roles of {@link org.tongban.reports.ReportAccess#READ}. */
@ControllerAdvice
class ReportsNavigation {

	@ModelAttribute("reportsAccess")
	boolean reportsAccess() {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		return auth != null && auth.getPrincipal() instanceof SignedInUser me && (me.has(Role.LEADER)
				|| me.has(Role.DIVISION_STAFF) || me.has(Role.ADMIN) || me.has(Role.APPROVER));
	}
}
