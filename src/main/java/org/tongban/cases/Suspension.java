package org.tongban.cases;

import java.time.LocalDate;

/**
 * A stop of the clock: a correction notice (before acceptance), an expert review or an on-site check
 * (after it). {@code workingDays} is set when it ends: the working days after {@code startedOn} up to and
 * including {@code endedOn}, which the time limits do not count.
 */
public record Suspension(Kind kind, String reason, LocalDate startedOn, LocalDate endedOn, Integer workingDays) {

	public enum Kind {
		CORRECTION("补正"), EXPERT_REVIEW("专家评审"), ONSITE_CHECK("现场核查");

		private final String label;

		Kind(String label) {
			this.label = label;
		}

		public String label() {
			return label;
		}
	}

	public boolean open() {
		return endedOn == null;
	}
}
