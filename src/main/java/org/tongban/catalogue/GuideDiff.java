package org.tongban.catalogue;

import java.util.List;

/** What changed between two versions of a guide, field path by field path. */
public record GuideDiff(String code, int from, int to, List<Change> changes) {

	/** One field: {@code situations[NEW].materials[2].name}; a null side means the field was added or removed. */
	public record Change(String path, String before, String after) {
	}
}
