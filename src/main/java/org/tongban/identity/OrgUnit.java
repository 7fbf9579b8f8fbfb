package org.tongban.identity;

import java.util.List;

/** The commission, one of its divisions or units, or a collective name used in the task table. */
public record OrgUnit(String code, String name, Kind kind, String english, List<String> aliases) {

	public enum Kind {
		COMMISSION, DIVISION, UNIT, GENERIC
	}

	public boolean answersTo(String text) {
		return name.equals(text) || aliases.contains(text);
	}
}
