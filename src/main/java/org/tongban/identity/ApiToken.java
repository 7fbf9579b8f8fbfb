package org.tongban.identity;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/** An API token as administrators see it: never the token itself, only its first characters. */
public record ApiToken(UUID id, String client, String prefix, Set<Role> roles, String orgUnitCode, String issuedBy,
		Instant issuedAt, Instant expiresAt, String revokedBy, Instant revokedAt) {

	public enum Status {
		ACTIVE("有效"), EXPIRED("已过期"), REVOKED("已吊销");

		private final String label;

		Status(String label) {
			this.label = label;
		}

		public String label() {
			return label;
		}
	}

	public Status status(Instant now) {
		return revokedAt != null ? Status.REVOKED : expiresAt.isAfter(now) ? Status.ACTIVE : Status.EXPIRED;
	}
}
