package org.tongban.catalogue;

import java.util.List;

/** What changed between two versions of a guide, field path by field path, and the files kept with them. */
public record GuideDiff(String code, int from, int to, List<Change> changes, List<FileChange> files) {

	/** One field: {@code situations[NEW].materials[2].name}; a null side means the field was added or removed. */
	public record Change(String path, String before, String after) {
	}

	/** A blank form or sample {@link #ADDED}, {@link #REPLACED} or {@link #REMOVED}; a side is its name and hash. */
	public record FileChange(String material, GuideFileKind kind, String kindLabel, String change, String changeLabel,
			String before, String after) {

		public static final String ADDED = "ADDED";
		public static final String REPLACED = "REPLACED";
		public static final String REMOVED = "REMOVED";

		static String label(String change) {
			return switch (change) {
				case ADDED -> "新增";
				case REPLACED -> "替换";
				default -> "删除";
			};
		}
	}
}
