package org.tongban.shared;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A change of state worth auditing, published by the module that made it inside its transaction and
 * written to the audit log after commit (through the event publication registry, so none is lost).
 */
public record StateChanged(UUID id, Instant occurredAt, String actor, String action, String subjectType,
		String subjectId, Map<String, Object> before, Map<String, Object> after) {
}
