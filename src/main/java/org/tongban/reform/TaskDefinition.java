package org.tongban.reform;

import java.time.LocalDate;
import java.util.List;

/**
 * A task as the plan defines it (no progress), with org units named as the table names them; the
 * shape of {@code data/reform/tasks-2024.json} and of one row of an imported spreadsheet.
 */
public record TaskDefinition(int no, int group, String groupTitle, String part, String partTitle, String content,
		List<String> leadDivisions, List<String> cooperatingDivisions, List<String> units, LocalDate deadline,
		String deadlineText, String remarks) {

	public TaskDefinition {
		leadDivisions = List.copyOf(leadDivisions);
		cooperatingDivisions = cooperatingDivisions == null ? List.of() : List.copyOf(cooperatingDivisions);
		units = units == null ? List.of() : List.copyOf(units);
		remarks = remarks == null || remarks.isBlank() ? null : remarks;
	}
}
