package org.tongban.supervision;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.tongban.supervision.DiscretionBaseline.Circumstance;
import org.tongban.supervision.DiscretionBaseline.Measure;

/**
 * A penalty case (行政处罚案件) as stored: who it is against, its handler (承办人), the proposed decision with how it
 * leaves the baseline and why it is major, the decision and its publication.
 */
public record PenaltyCase(UUID id, String uscc, String entityName, UUID inspectionId, String summary, String handler,
		Status status, Instant openedAt, String violation, Circumstance circumstance, Set<Measure> measures, Long fine,
		String facts, List<String> departures, String departureReason, List<String> majorReasons, Instant proposedAt,
		String decisionNumber, String decidedBy, Instant decidedAt, LocalDate decidedOn, LocalDate publicationDue,
		Instant publishedAt, String publishedBy) {

	/** Where a case stands, and the actions each step offers. */
	public enum Status {
		OPENED("已立案", List.of("propose")),
		PROPOSED("已拟定处罚，待决定", List.of("propose", "decide")),
		IN_REVIEW("待法制审核", List.of("review")),
		RETURNED("法制审核退回，待修改", List.of("propose")),
		APPROVED("法制审核通过，待决定", List.of("propose", "decide")),
		DECIDED("已作出处罚决定，待公示", List.of("publish")),
		PUBLISHED("已公示", List.of());

		private final String label;
		private final List<String> actions;

		Status(String label, List<String> actions) {
			this.label = label;
			this.actions = actions;
		}

		public String label() {
			return label;
		}

		public List<String> actions() {
			return actions;
		}
	}

	/** Whether the proposal needs legal review before the decision: it leaves the baseline or it is major. */
	public boolean reviewRequired() {
		return !departures.isEmpty() || !majorReasons.isEmpty();
	}

	/** The decision in words: the measures with the fine, as published. */
	public String decisionText() {
		if (measures == null || measures.isEmpty()) {
			return "";
		}
		StringBuilder out = new StringBuilder();
		for (Measure m : measures) {
			if (out.length() > 0) {
				out.append("；");
			}
			out.append(m == Measure.FINE && fine != null ? "罚款人民币 " + fine + " 元" : m.label());
		}
		return out.toString();
	}
}
