package org.tongban.catalogue.web;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.tongban.identity.Role;
import org.tongban.identity.SignedInUser;

/** Tells every page whether to link the guide work queue: only those who edit or review guides see it. */
@ControllerAdvice
class CatalogueNavigation {

	@ModelAttribute("catalogueWork")
	boolean catalogueWork() {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		return auth != null && auth.getPrincipal() instanceof SignedInUser me
				&& (me.has(Role.DIVISION_STAFF) || me.has(Role.LEADER) || me.has(Role.ADMIN));
	}
}
