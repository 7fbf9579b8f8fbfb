package org.tongban.shared;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** Records a change of state for the audit log; the actor is the signed-in user, or "system". */
@Component
public class AuditTrail {

	private final ApplicationEventPublisher events;
	private final Clock clock;

	AuditTrail(ApplicationEventPublisher events, Clock clock) {
		this.events = events;
		this.clock = clock;
	}

	public void record(String action, String subjectType, Object subjectId, Map<String, Object> before,
			Map<String, Object> after) {
		recordAs(currentActor(), action, subjectType, subjectId, before, after);
	}

	public void recordAs(String actor, String action, String subjectType, Object subjectId,
			Map<String, Object> before, Map<String, Object> after) {
		events.publishEvent(new StateChanged(UUID.randomUUID(), Instant.now(clock), actor, action, subjectType,
				subjectId == null ? null : subjectId.toString(), before, after));
	}

	private static String currentActor() {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		return auth == null || !auth.isAuthenticated() ? "system" : auth.getName();
	}
}
