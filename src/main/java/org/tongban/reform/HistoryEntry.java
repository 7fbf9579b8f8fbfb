package org.tongban.reform;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A progress report (kind REPORT) or a contribution (kind CONTRIBUTION) in a task's history. */
public record HistoryEntry(UUID id, int taskNo, String kind, String kindLabel, String author, String authorName,
		String orgUnit, String text, Integer progress, TaskStatus status, String reason, boolean demo,
		Instant createdAt, List<Attachment> attachments) {

	/** A file attached to a history entry; its bytes are fetched by id. */
	public record Attachment(UUID id, String filename, String mediaType, long size) {
	}
}
