package org.tongban.feedback;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.tongban.cases.WarningLevel;

/**
 * 办不成事: what a person tried to do and could not, owned by a unit that contacts them by {@code contactDue} and
 * answers by {@code replyDue} (or hands it to the 12345 hotline); the reporter reopens an answer they are not
 * satisfied with. {@code warning} is as of today; {@code hotline} the latest hand-over, if any.
 */
public record Ticket(UUID id, String reporter, String contact, String text, String place, String itemCode,
		String itemName, String unit, Status status, Instant filedAt, LocalDate contactDue, LocalDate replyDue,
		Instant contactedAt, Instant repliedAt, String reply, Instant closedAt, WarningLevel warning,
		HotlineState hotline, List<String> allowedActions, List<Step> steps) {

	public Ticket {
		steps = steps == null ? List.of() : List.copyOf(steps);
		allowedActions = allowedActions == null ? List.of() : List.copyOf(allowedActions);
	}

	/** The next date the unit is bound to; null while the hotline has it, once answered or closed. */
	public LocalDate due() {
		return status.due(contactDue, replyDue);
	}

	public enum Status {
		OPEN("待联系"), CONTACTED("已联系，办理中"), HANDED_OVER("已转 12345 热线"), REPLIED("已答复"),
		REOPENED("反映人不满意，重新办理"), CLOSED("已办结");

		private final String label;

		Status(String label) {
			this.label = label;
		}

		public String label() {
			return label;
		}

		LocalDate due(LocalDate contactDue, LocalDate replyDue) {
			return switch (this) {
				case OPEN -> contactDue;
				case CONTACTED, REOPENED -> replyDue;
				default -> null;
			};
		}

		/** The actions this status offers: staff's contact, reply, handover, close; the reporter's reopen. */
		public List<String> actions() {
			return switch (this) {
				case OPEN -> List.of("contact", "handover");
				case CONTACTED, REOPENED -> List.of("reply", "handover");
				case REPLIED -> List.of("close", "reopen");
				default -> List.of();
			};
		}
	}

	/** The latest hand-over to 12345: where it stands in words, how often it was tried, the hotline's answer. */
	public record HotlineState(UUID dispatchId, String status, String label, int attempts, String lastError,
			String hotlineRef, String result, Instant resultAt) {
	}

	/** One recorded step: who, when, what. */
	public record Step(String action, String actionLabel, String actor, String note, Instant at) {
	}
}
