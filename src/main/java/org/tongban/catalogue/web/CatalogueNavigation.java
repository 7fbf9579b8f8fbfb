package org.tongban.catalogue.web;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Component;
import org.tongban.identity.Role;
import org.tongban.identity.SignedInUser;
import org.tongban.shared.PageModel;

/** Tells every page whether to link the guide work queue: only those who edit or review guides see it. */
@Component
class CatalogueNavigation implements PageModel {

	@Override
	public void addTo(Map<String, Object> model, HttpServletRequest request) {
		model.put("catalogueWork", SignedInUser.current()
				.filter(me -> me.has(Role.DIVISION_STAFF) || me.has(Role.LEADER) || me.has(Role.ADMIN)).isPresent());
	}
}
