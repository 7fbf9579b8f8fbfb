package org.tongban.reform;

/**
 * What a division's staff member writes on a task. A lead division's report carries progress and
 * status; a cooperating division's contribution only text. {@code reason} explains a fall in progress.
 */
public record NewReport(String text, Integer progress, TaskStatus status, String reason) {
}
