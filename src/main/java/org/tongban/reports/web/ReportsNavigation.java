package org.tongban.reports.web;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Component;
import org.tongban.identity.Role;
import org.tongban.identity.SignedInUser;
import org.tongban.shared.PageModel;

/** Tells every page whether to link the reports: the roles of {@link org.tongban.reports.ReportAccess#READ}. */
@Component
class ReportsNavigation implements PageModel {

	@Override
	public void addTo(Map<String, Object> model, HttpServletRequest request) {
		model.put("reportsAccess", SignedInUser.current().filter(me -> me.has(Role.LEADER)
				|| me.has(Role.DIVISION_STAFF) || me.has(Role.ADMIN) || me.has(Role.APPROVER)).isPresent());
	}
}
