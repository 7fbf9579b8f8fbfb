package org.tongban.reform;

import java.time.LocalDate;
import java.util.List;

/** The leaders' cockpit: the plan in figures and the tasks that need attention. */
public record Dashboard(LocalDate today, int warningWorkingDays, int total, int averageProgress,
		List<StatusCount> byStatus, List<GroupStat> byGroup, List<DivisionStat> byDivision,
		List<TaskSummary> overdue, List<TaskSummary> dueSoon, List<RecentReport> latestReports,
		List<LateDivision> lateByDivision, List<TaskIndicator> indicators) {

	/**
	 * Who owns what is late: a lead division with its overdue tasks, how late the latest of them is (calendar days
	 * past the deadline) and whom to call — the division's staff with their phones where recorded.
	 */
	public record LateDivision(String code, String name, int overdue, long mostDaysLate, LocalDate oldestDeadline,
			List<String> contacts) {
	}

	/** A report or contribution just filed, so leaders see what moved without opening each task. */
	public record RecentReport(int taskNo, String taskContent, String kindLabel, String orgUnitName,
			String authorName, String text, Integer progress, java.time.Instant createdAt) {
	}

	public record StatusCount(TaskStatus status, String label, int count) {
	}

	public record GroupStat(int group, String title, int total, int completed, int overdue, int averageProgress) {
	}

	public record DivisionStat(String code, String name, int total, int completed, int overdue,
			int averageProgress) {
	}
}
