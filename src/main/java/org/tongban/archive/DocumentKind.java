package org.tongban.archive;

import java.util.Optional;

import org.tongban.cases.TimelineEntry;

/**
 * What the archival document of a timeline step is, named by the action the cases module recorded (never by the
 * status it left, which a resumption shares with an acceptance). Notices and decisions the applicant receives
 * are always archived; records of internal steps only when they carry a reason; an action this list does not know
 * is a neutral 办理记录.
 */
enum DocumentKind {

	RECEIPT("收件凭证", "receipt", true),
	ACCEPTANCE("受理通知书", "acceptance-notice", true),
	CORRECTION_NOTICE("补正告知书", "correction-notice", true),
	CORRECTION_SUBMITTED("补正材料提交记录", "correction-submitted", false),
	REFUSAL("不予受理决定书", "refusal-decision", true),
	GRANT("准予许可决定书", "grant-decision", true),
	DENIAL("不予许可决定书", "denial-decision", true),
	EXTENSION("延期通知书", "extension-notice", true),
	SUSPENSION("暂停计时告知书", "suspension-notice", true),
	RESUMPTION("恢复计时告知书", "resumption-notice", true),
	WITHDRAWAL("撤回申请记录", "withdrawal-record", true),
	REVOCATION_NOTICE("拟撤销许可告知书", "revocation-notice", true),
	STATEMENT("陈述申辩记录", "statement-record", true),
	REVOCATION("撤销许可决定书", "revocation-decision", true),
	VERIFICATION("事后核查记录", "verification-record", true),
	REVIEW("审查意见", "review-opinion", false),
	SEND_BACK("退回审查记录", "send-back-record", false),
	RECORD("办理记录", "handling-record", false);

	private final String title;
	private final String slug;
	private final boolean always;

	DocumentKind(String title, String slug, boolean always) {
		this.title = title;
		this.slug = slug;
		this.always = always;
	}

	String title() {
		return title;
	}

	/** Whether the applicant is given this document (notices and decisions, not the authority's own records). */
	boolean toApplicant() {
		return switch (this) {
			case REVIEW, SEND_BACK, RECORD, VERIFICATION, CORRECTION_SUBMITTED -> false;
			default -> true;
		};
	}

	/** The document's name in the package: {@code representations/documents/NN-<slug>.pdf}. */
	String slug() {
		return slug;
	}

	/** The document a step stands for, or empty when it needs none (the draft, the submission, a bare record). */
	static Optional<DocumentKind> of(TimelineEntry t) {
		DocumentKind kind = t.action() == null ? RECORD : switch (t.action()) {
			case "submit" -> null;
			case "accept", "deemed-accept" -> ACCEPTANCE;
			case "request-correction" -> CORRECTION_NOTICE;
			case "correct" -> CORRECTION_SUBMITTED;
			case "refuse" -> REFUSAL;
			case "approve", "grant" -> GRANT;
			case "deny" -> DENIAL;
			case "extend" -> EXTENSION;
			case "suspend" -> SUSPENSION;
			case "resume" -> RESUMPTION;
			case "withdraw" -> WITHDRAWAL;
			case "notify-revocation" -> REVOCATION_NOTICE;
			case "state-case" -> STATEMENT;
			case "revoke" -> REVOCATION;
			case "confirm" -> VERIFICATION;
			case "review-approve", "review-deny" -> REVIEW;
			case "send-back" -> SEND_BACK;
			default -> RECORD;
		};
		if (kind == null || !kind.always && (t.reason() == null || t.reason().isBlank())) {
			return Optional.empty();
		}
		return Optional.of(kind);
	}
}
