package org.tongban.reform.web;

import java.util.Arrays;

import org.tongban.identity.OrgUnit;
import org.tongban.reform.ReformCockpit;
import org.tongban.reform.TaskFilter;
import org.tongban.reform.TaskStatus;
import org.tongban.shared.Problem;

/** Reads the list filters as people and scripts write them: a division by name or code, a status by name or label. */
final class Filters {

	private Filters() {
	}

	static TaskFilter of(ReformCockpit cockpit, String division, Integer group, String status, Boolean overdue) {
		String unit = null;
		if (division != null && !division.isBlank()) {
			unit = cockpit.unit(division).map(OrgUnit::code)
					.orElseThrow(() -> Problem.invalid("division", "未知的处室或单位“" + division.strip() + "”"));
		}
		return new TaskFilter(unit, group, status(status), overdue);
	}

	static TaskStatus status(String status) {
		if (status == null || status.isBlank()) {
			return null;
		}
		String s = status.strip();
		return Arrays.stream(TaskStatus.values())
				.filter(v -> v.name().equalsIgnoreCase(s) || v.label().equals(s))
				.findFirst()
				.orElseThrow(() -> Problem.invalid("status",
						"未知的任务状态“" + s + "”，应为 NOT_STARTED、IN_PROGRESS、COMPLETED 或 DELAYED"));
	}
}
