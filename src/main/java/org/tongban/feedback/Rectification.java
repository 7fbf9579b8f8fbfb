package org.tongban.feedback;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.tongban.cases.CaseId;
import org.tongban.cases.WarningLevel;

/**
 * The rectification of a bad rating (差评整改) by the responsible unit: contact the person by {@code contactDue},
 * reply with what was done by {@code replyDue}; the person confirms or reopens. {@code warning} is as of today.
 */
public record Rectification(UUID id, UUID ratingId, CaseId caseId, String unit, Status status, LocalDate openedOn,
		LocalDate contactDue, LocalDate replyDue, Instant contactedAt, Instant repliedAt, Boolean repliedOnTime,
		Instant closedAt, WarningLevel warning, List<Step> steps) {

	public Rectification {
		steps = steps == null ? List.of() : List.copyOf(steps);
	}

	/** The next date the unit is bound to; null once replied or closed. */
	public LocalDate due() {
		return switch (status) {
			case OPEN -> contactDue;
			case CONTACTED, REOPENED -> replyDue;
			default -> null;
		};
	}

	public enum Status {
		OPEN("待联系"), CONTACTED("已联系，整改中"), REPLIED("已答复，待确认"), REOPENED("申请人不满意，重新整改"), CONFIRMED("申请人已确认");

		private final String label;

		Status(String label) {
			this.label = label;
		}

		public String label() {
			return label;
		}
	}

	/** One recorded step: who, when, what. */
	public record Step(String action, String actionLabel, String actor, String note, Instant at) {
	}
}
