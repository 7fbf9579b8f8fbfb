package org.tongban.benefits;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Component;
import org.tongban.identity.SignedInUser;
import org.tongban.shared.PageModel;

/** Tells every page whether to link the 免申即享 dashboard: staff of a division that owns a programme. */
@Component
class BenefitsNavigation implements PageModel {

	private final BenefitsDuty duty;

	BenefitsNavigation(BenefitsDuty duty) {
		this.duty = duty;
	}

	@Override
	public void addTo(Map<String, Object> model, HttpServletRequest request) {
		model.put("benefitsWork", SignedInUser.current().filter(duty::ownsAny).isPresent());
	}
}
