package org.tongban.integrated;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One 一业一证 application as its applicant follows it: the package, what it asks for ({@code kind}), one status,
 * and each sub-case (an ordinary case of an underlying item, handled by its division) with its own progress.
 */
public record IntegratedApplication(UUID id, String packageCode, int packageVersion, Kind kind, String owner,
		Map<String, String> applicant, Map<String, Object> answers, Map<String, Object> form, String phone,
		Status status, String licenceNumber, Instant submittedAt, Instant doneAt, List<SubCase> subCases) {

	/** What the application does: a new integrated licence, or a change, renewal, cancellation or reissue of one. */
	public enum Kind {
		NEW("新办"), CHANGE("变更"), RENEW("延续"), CANCEL("注销"), REISSUE("补证");

		private final String label;

		Kind(String label) {
			this.label = label;
		}

		public String label() {
			return label;
		}
	}

	/** One status for the whole: in progress until every part is decided; a denied part stops the whole. */
	public enum Status {
		IN_PROGRESS("办理中"), PART_DENIED("部分事项未获准予"), DONE("已办结");

		private final String label;

		Status(String label) {
			this.label = label;
		}

		public String label() {
			return label;
		}
	}

	/** A sub-case: {@code granted} null while undecided; {@code licenceApplied} once licences has acted on it. */
	public record SubCase(int position, String itemCode, String itemName, String situation, String situationName,
			UUID caseId, String caseNumber, Boolean granted, String reasons, Instant decidedAt, boolean licenceApplied) {
	}

	public String statusLabel() {
		return status.label();
	}
}
