package org.tongban.cases.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.tongban.cases.Applicant;
import org.tongban.cases.Case;
import org.tongban.cases.CaseMaterial;
import org.tongban.cases.CaseStatus;
import org.tongban.cases.Channel;
import org.tongban.cases.TimelineEntry;

/**
 * A case as the API returns it. {@code deadline} is null until handling sets time limits.
 */
record CaseView(UUID id, String itemCode, String itemName, String situation, String situationName,
		int guideVersion, ApplicantView applicant, Channel channel, Map<String, String> form, CaseStatus status,
		String statusLabel, LocalDate deadline, Instant createdAt, Instant submittedAt, List<TimelineEntry> timeline,
		List<CaseMaterial> materials) {

	record ApplicantView(Applicant.Kind kind, String idNumber, String uscc, String name, String agentName) {
	}

	static CaseView of(Case c) {
		Applicant a = c.applicant();
		return new CaseView(c.id().value(), c.itemCode(), c.itemName(), c.situation(), c.situationName(),
				c.guideVersion(), new ApplicantView(a.kind(), a.idNumber(), a.uscc(), a.name(), a.agentName()),
				c.channel(), c.form(), c.status(), c.status().label(), null, c.createdAt(), c.submittedAt(),
				c.timeline(), c.materials());
	}
}
