package org.tongban.reform;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/**
 * A task with its history, newest first, and the figures measured for it by the modules doing the work; in JSON the
 * task's fields sit at the top level as in the list.
 */
public record TaskDetail(@JsonUnwrapped TaskSummary task, List<HistoryEntry> history, List<TaskIndicator> indicators) {
}
