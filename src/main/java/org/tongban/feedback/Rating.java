package org.tongban.feedback;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.tongban.cases.CaseId;

/** One stage's rating as it stands now; {@code staff} is the login of who handled the stage, {@code unit} its unit code. */
public record Rating(UUID id, CaseId caseId, Stage stage, String applicant, String itemCode, String itemName,
		String channel, int level, List<String> tags, String text, String staff, String unit, Instant ratedAt,
		Instant changedAt) {

	public Rating {
		tags = List.copyOf(tags);
	}

	public String levelLabel() {
		return Levels.label(level);
	}
}
