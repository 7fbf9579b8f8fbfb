package org.tongban.cases.web;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Component;
import org.tongban.identity.Role;
import org.tongban.identity.SignedInUser;
import org.tongban.shared.PageModel;

/** Tells every page whether to link the work list and the window: staff who handle cases see them. */
@Component
class CaseNavigation implements PageModel {

	@Override
	public void addTo(Map<String, Object> model, HttpServletRequest request) {
		SignedInUser me = SignedInUser.current().orElse(null);
		model.put("caseWork", me != null && (me.has(Role.CLERK) || me.has(Role.APPROVER) || me.has(Role.INSPECTOR)
				|| me.has(Role.LEADER) || me.has(Role.DIVISION_STAFF)));
		model.put("windowWork", me != null && me.has(Role.CLERK));
	}
}
