package org.tongban.cases.web;

import java.time.Instant;
import java.util.List;

import org.springframework.stereotype.Component;
import org.tongban.cases.Case;
import org.tongban.cases.TimelineEntry;
import org.tongban.identity.StaffDirectory;

/** A case's timeline as people read it: who acted by the name they are known by, never a login name. */
@Component
class CaseTimeline {

	private final StaffDirectory staff;

	CaseTimeline(StaffDirectory staff) {
		this.staff = staff;
	}

	/** One step with {@code actor} the person's name (the applicant's own steps say 申请人). */
	public record Row(String actionLabel, Instant at, String actor, String reason, List<String> items) {
	}

	List<Row> of(Case c) {
		return c.timeline().stream().map(e -> new Row(e.actionLabel(), e.at(), actor(c, e), e.reason(), e.items()))
			.toList();
	}

	private String actor(Case c, TimelineEntry e) {
		if (e.actor() != null && e.actor().equals(c.applicant().owner())) {
			return "申请人 " + c.applicant().name();
		}
		return staff.nameOf(e.actor());
	}
}
