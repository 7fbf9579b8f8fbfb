package org.tongban.cases;

import java.time.LocalDate;
import java.util.List;

/** The handling steps that have no record of their own elsewhere, published like every other step. */
public final class CaseEvents {

	private CaseEvents() {
	}

	/** One notice (一次性告知) listing everything to correct; the clock stops until the applicant corrects. */
	public record CorrectionRequested(CaseId caseId, String itemCode, List<String> items) {
	}

	public record CaseCorrected(CaseId caseId, String itemCode, LocalDate acceptanceDue) {
	}

	public record CaseRefused(CaseId caseId, String itemCode, String reasons) {
	}

	public record ClockStopped(CaseId caseId, String itemCode, Suspension.Kind kind) {
	}

	public record ClockResumed(CaseId caseId, String itemCode, LocalDate promisedDeadline) {
	}

	public record CaseExtended(CaseId caseId, String itemCode, LocalDate promisedDeadline, String reason) {
	}

	/** A time limit turned amber (two working days or fewer left) or red (overdue). */
	public record DeadlineWarning(CaseId caseId, String itemCode, String level, LocalDate deadline) {
	}
}
