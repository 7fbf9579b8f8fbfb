package org.tongban.identity;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** An account as staff administer it; the password hash never leaves the module. */
public record Account(UUID id, String username, String displayName, Set<Role> roles, String orgUnitCode,
		String idNumber, String uscc, String phone, boolean enabled, int failedAttempts, Instant lockedUntil,
		boolean demo, Instant createdAt) {

	public boolean locked(Instant now) {
		return lockedUntil != null && lockedUntil.isAfter(now);
	}

	/** What the audit log keeps of an account: never the password hash. */
	Map<String, Object> auditState() {
		Map<String, Object> state = new LinkedHashMap<>();
		state.put("username", username);
		state.put("displayName", displayName);
		state.put("roles", roles.stream().map(Enum::name).sorted().toList());
		state.put("orgUnitCode", orgUnitCode);
		state.put("enabled", enabled);
		state.put("lockedUntil", lockedUntil == null ? null : lockedUntil.toString());
		return state;
	}
}
