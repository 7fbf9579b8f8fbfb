package org.tongban.reform;

/** Narrows the task list; every criterion is optional. {@code leadUnit} is a unit code. */
public record TaskFilter(String leadUnit, Integer group, TaskStatus status, Boolean overdue) {

	public static TaskFilter all() {
		return new TaskFilter(null, null, null, null);
	}
}
