package org.tongban.shared.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Month;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.tongban.shared.PageModel;
import org.tongban.shared.WorkingDayCalendar;

/**
 * Reminds administrators, on every page, of a year whose deadlines run on the provisional calendar: the current
 * year at any time, and next year from 1 November, when the State Council's notice is usually out. Sets
 * {@code provisionalCalendarYear}, which the layout's header shows.
 */
@Component
class ProvisionalCalendarNotice implements PageModel {

	static final String ATTRIBUTE = "provisionalCalendarYear";

	/** The identity module's administrator role as Spring Security sees it (shared must not depend on identity). */
	private static final String ADMIN = "ROLE_ADMIN";

	private final WorkingDayCalendar calendar;
	private final Clock clock;

	ProvisionalCalendarNotice(WorkingDayCalendar calendar, Clock clock) {
		this.calendar = calendar;
		this.clock = clock;
	}

	@Override
	public void addTo(Map<String, Object> model, HttpServletRequest request) {
		if (!isAdministrator()) {
			return; // and no database read for anyone else
		}
		LocalDate today = LocalDate.now(clock);
		if (calendar.isProvisional(today.getYear())) {
			model.put(ATTRIBUTE, today.getYear());
		}
		else if (today.getMonth().compareTo(Month.NOVEMBER) >= 0 && calendar.isProvisional(today.getYear() + 1)) {
			model.put(ATTRIBUTE, today.getYear() + 1);
		}
	}

	private static boolean isAdministrator() {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		return auth != null && auth.isAuthenticated()
				&& auth.getAuthorities().stream().map(GrantedAuthority::getAuthority).anyMatch(ADMIN::equals);
	}
}
