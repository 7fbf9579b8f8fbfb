package org.tongban.supervision;

import java.time.Instant;
import java.util.List;

/** A regulated entity in the register, with its grades and why (empty before its first grading). */
public record RegulatedEntity(String uscc, String name, Sector sector, String address, String street, String credit,
		String risk, String combined, List<Grade.Reason> reasons, Instant gradedAt) {

	public String sectorLabel() {
		return sector.label();
	}
}
