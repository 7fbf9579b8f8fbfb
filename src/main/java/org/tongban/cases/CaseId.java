package org.tongban.cases;

import java.util.UUID;

/** A case's identity; random, so ids say nothing about how many cases there are. */
@org.springframework.modulith.NamedInterface("api")
public record CaseId(UUID value) {

	public static CaseId random() {
		return new CaseId(UUID.randomUUID());
	}

	@Override
	public String toString() {
		return value.toString();
	}
}
