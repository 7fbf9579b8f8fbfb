package org.tongban.reform;

import java.util.List;

import org.tongban.shared.FieldMessage;

/**
 * What an imported spreadsheet holds and what is wrong with it (every problem, by row and column).
 * After a commit, how many tasks were added and how many updated.
 */
public record ImportResult(List<TaskDefinition> rows, List<FieldMessage> errors, int created, int updated) {

	public boolean valid() {
		return errors.isEmpty();
	}
}
