package org.tongban.identity;

import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** The commission's organisation, read-only reference data loaded by migration. */
@Service
public class Organisation {

	private final List<OrgUnit> units;

	Organisation(JdbcClient jdbc) {
		this.units = jdbc.sql("SELECT code, name, kind, english, aliases FROM identity_org_unit ORDER BY sort_order")
				.query((rs, i) -> new OrgUnit(rs.getString("code"), rs.getString("name"),
						OrgUnit.Kind.valueOf(rs.getString("kind")), rs.getString("english"),
						List.of((String[]) rs.getArray("aliases").getArray())))
				.list();
	}

	public List<OrgUnit> all() {
		return units;
	}

	public List<OrgUnit> divisions() {
		return units.stream().filter(u -> u.kind() == OrgUnit.Kind.DIVISION).toList();
	}

	/** The units an account or a token can belong to: every real unit, not the task table's collective names. */
	public List<OrgUnit> assignable() {
		return units.stream().filter(u -> u.kind() != OrgUnit.Kind.GENERIC).toList();
	}

	/** Each unit's Chinese name by its code, for pages that hold codes. */
	public java.util.Map<String, String> names() {
		java.util.Map<String, String> names = new java.util.LinkedHashMap<>();
		units.forEach(u -> names.put(u.code(), u.name()));
		return names;
	}

	public Optional<OrgUnit> byCode(String code) {
		return units.stream().filter(u -> u.code().equals(code)).findFirst();
	}

	/** Finds a unit by its name or an alias, as written in documents such as the task table. */
	public Optional<OrgUnit> byName(String name) {
		String trimmed = name == null ? "" : name.strip();
		return units.stream().filter(u -> u.answersTo(trimmed)).findFirst();
	}
}
