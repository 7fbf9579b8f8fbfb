package org.tongban.reform;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A task as the API and the pages show it: org units by their Chinese names, with its warnings; {@code daysLate}
 * counts calendar days past the deadline of an overdue task (0 otherwise).
 */
public record TaskSummary(int no, int group, String groupTitle, String part, String partTitle, String content,
		List<String> leadDivisions, List<String> cooperatingDivisions, List<String> units, LocalDate deadline,
		String deadlineText, String remarks, TaskStatus status, String statusLabel, int progress, boolean overdue,
		boolean dueSoon, Instant lastReportAt, String latestReport, long daysLate) {
}
