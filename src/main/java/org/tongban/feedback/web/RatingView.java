package org.tongban.feedback.web;

import java.time.Instant;
import java.util.List;

import org.tongban.feedback.Rating;
import org.tongban.identity.StaffDirectory;

/** A rating as the API and the pages show it: the staff member by name, the unit by name. */
record RatingView(String stage, String stageLabel, int level, String levelLabel, List<String> tags, String text,
		String staff, String unit, String unitName, Instant ratedAt, Instant changedAt, Instant changeableUntil) {

	static RatingView of(Rating r, StaffDirectory staff, java.util.Map<String, String> units, java.time.Duration period) {
		return new RatingView(r.stage().name(), r.stage().label(), r.level(), r.levelLabel(), r.tags(), r.text(),
				r.staff() == null ? null : staff.nameOf(r.staff()), r.unit(),
				r.unit() == null ? null : units.getOrDefault(r.unit(), r.unit()), r.ratedAt(), r.changedAt(),
				r.ratedAt().plus(period));
	}
}
