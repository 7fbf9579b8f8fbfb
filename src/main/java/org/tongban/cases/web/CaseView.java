package org.tongban.cases.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.tongban.cases.Applicant;
import org.tongban.cases.Case;
import org.tongban.cases.CaseAction;
import org.tongban.cases.CaseMaterial;
import org.tongban.cases.CaseStatus;
import org.tongban.cases.CaseSteps;
import org.tongban.cases.CaseHandling;
import org.tongban.cases.Decision;
import org.tongban.cases.DecisionNotice;
import org.tongban.cases.Channel;
import org.tongban.cases.Suspension;
import org.tongban.cases.PaperMaterial;
import org.tongban.cases.TimelineEntry;
import org.tongban.cases.WarningLevel;

/**
 * A case as the API returns it. {@code deadline} is the next date the authority is bound to (acceptance,
 * then decision); {@code allowedActions} are the actions the caller may take now; {@code decisionNotice} is the
 * written decision of a refused, denied or revoked case (reasons, legal basis, rights of review and appeal);
 * {@code number} and {@code queryCode} are the 办件编号 and 查询码 (null on a draft), which show the progress at
 * {@code /track} without an account.
 */
record CaseView(UUID id, String itemCode, String itemName, String situation, String situationName,
		int guideVersion, ApplicantView applicant, Channel channel, String channelLabel, Map<String, String> form,
		CaseStatus status, String statusLabel, LocalDate deadline, String step, String stepLabel, String assignee,
		List<String> allowedActions, boolean noticeCommitment, TimeLimitsView timeLimits, List<Suspension> suspensions,
		Decision decision, String decisionReasons, Instant decidedAt, DecisionNotice decisionNotice, Instant completedAt, LocalDate verificationDue,
		Instant createdAt, Instant submittedAt, List<TimelineEntry> timeline, List<CaseMaterial> materials,
		CommitmentView commitment, List<PaperMaterial> paperMaterials, String number, String queryCode) {

	/**
	 * A notice-commitment: the text the applicant committed to and its SM3, the verification date, and an
	 * intended revocation with the holder's statement (陈述申辩); null for other cases.
	 */
	record CommitmentView(String text, String sm3, LocalDate verificationDue, LocalDate revocationNoticedOn,
			LocalDate statementDue, String statement) {
	}

	record ApplicantView(Applicant.Kind kind, String idNumber, String uscc, String name, String agentName,
			org.tongban.shared.IdDocumentType idType, String idNumberLabel) {
	}

	/**
	 * Promised and statutory limits in working days and the dates they fall on; {@code provisional} when a date
	 * rests on a year whose holiday arrangement is not yet published (预计: computed again once it is); {@code countFrom} RECEIPT or ACCEPTANCE; {@code extensionDays} the one extension the
	 * rule allows (0: none).
	 */
	record TimeLimitsView(Integer promisedDays, Integer statutoryDays, LocalDate acceptanceDue, LocalDate acceptedOn,
			LocalDate promisedDeadline, LocalDate statutoryDeadline, int suspendedWorkingDays, boolean extended,
			boolean provisional, String countFrom, int extensionDays, WarningLevel warningLevel) {
	}

	static CaseView of(Case c, List<CaseAction> allowed, Optional<DecisionNotice> notice) {
		Applicant a = c.applicant();
		return new CaseView(c.id().value(), c.itemCode(), c.itemName(), c.situation(), c.situationName(),
				c.guideVersion(), new ApplicantView(a.kind(), a.idNumber(), a.uscc(), a.name(), a.agentName(),
						a.idType(), a.idNumberLabel()),
				c.channel(), c.channel().label(), c.form(), c.status(), c.status().label(), c.deadline(), c.step(),
				c.step() == null ? null : CaseSteps.stepLabel(c.step()), c.assignee(),
				allowed.stream().map(CaseAction::apiName).toList(), c.noticeCommitment(),
				new TimeLimitsView(c.promisedDays(), c.statutoryDays(), c.acceptanceDue(), c.acceptedOn(),
						c.promisedDeadline(), c.statutoryDeadline(), c.suspendedDays(), c.extended(), c.limitsProvisional(),
						c.countFrom().name(), c.extensionDays(), c.warningLevel()),
				c.suspensions(), c.decision(), c.decisionReasons(), c.decidedAt(), notice.orElse(null), c.completedAt(), c.verificationDue(),
				c.createdAt(), c.submittedAt(), c.timeline(), c.materials(), c.commitmentText() == null ? null
						: new CommitmentView(c.commitmentText(), c.commitmentSm3(), c.verificationDue(),
								c.revocationNoticedOn(), c.statementDue(), c.statement()),
				c.paperMaterials(), c.number(), c.queryCode());
	}
}
