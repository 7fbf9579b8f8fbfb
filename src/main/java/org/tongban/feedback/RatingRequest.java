package org.tongban.feedback;

import java.util.List;

/** What the applicant sends: a stage (API name), a level 1–5, reason tags of that level, and up to 500 characters. */
public record RatingRequest(String stage, Integer level, List<String> tags, String text) {

	public RatingRequest {
		tags = tags == null ? List.of() : List.copyOf(tags);
	}
}
