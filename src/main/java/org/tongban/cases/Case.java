package org.tongban.cases;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.tongban.shared.Problem;

/**
 * A case (办件) as the applicant sees it. Each transition checks the current status, appends a timeline
 * entry and records the event to publish; handling adds its transitions the same way.
 */
@org.springframework.modulith.NamedInterface("api")
public final class Case {

	private final CaseId id;
	private final String itemCode;
	private final String itemName;
	private final String situation;
	private final String situationName;
	private final int guideVersion;
	private final Applicant applicant;
	private final Channel channel;
	private final Instant createdAt;
	private final List<TimelineEntry> timeline;
	private final List<CaseMaterial> materials;
	private final List<PaperMaterial> paperMaterials = new ArrayList<>();
	/** How many paper materials are already stored; only later ones are written. */
	int storedPaperMaterials;
	private final List<Object> pendingEvents = new ArrayList<>();
	private Map<String, String> form;
	private CaseStatus status;
	private Instant submittedAt;
	/** Handling state: the open step, time limits, the decision. Read and written by {@link Cases}. */
	final Handling handling;
	/** How many timeline entries are in the database already: {@link Cases#save} writes only the rest. */
	int storedTimeline;
	/** How many materials are already stored; only later ones are written. */
	int storedMaterials;
	/** 办件编号 and 查询码, given on submission by {@link CaseNumbers}; null on a draft. */
	private String number;
	private String queryCode;

	Case(CaseId id, String itemCode, String itemName, String situation, String situationName, int guideVersion, Applicant applicant, Channel channel,
			Map<String, String> form, CaseStatus status, Instant createdAt, Instant submittedAt,
			List<TimelineEntry> timeline, List<CaseMaterial> materials, Handling handling) {
		this.handling = handling;
		this.id = id;
		this.itemCode = itemCode;
		this.itemName = itemName;
		this.situation = situation;
		this.situationName = situationName;
		this.guideVersion = guideVersion;
		this.applicant = applicant;
		this.channel = channel;
		this.form = new LinkedHashMap<>(form);
		this.status = status;
		this.createdAt = createdAt;
		this.submittedAt = submittedAt;
		this.timeline = new ArrayList<>(timeline);
		this.storedTimeline = timeline.size();
		this.storedMaterials = materials.size();
		this.materials = new ArrayList<>(materials);
	}

	/** A new draft, started under the guide version the applicant saw. */
	static Case draft(String itemCode, String itemName, String situation, String situationName, int guideVersion, Applicant applicant,
			Channel channel, Map<String, String> form, Handling handling, Instant now) {
		Case c = new Case(CaseId.random(), itemCode, itemName, situation, situationName, guideVersion, applicant, channel, form,
				CaseStatus.DRAFT, now, null, List.of(), List.of(), handling);
		c.timeline.add(new TimelineEntry(CaseStatus.DRAFT, handling.openedBy != null ? handling.openedBy : applicant.owner(),
				now, null));
		return c;
	}

	void updateForm(Map<String, String> newForm) {
		requireDraft("修改申请表");
		this.form = new LinkedHashMap<>(newForm);
	}

	/** A material uploaded to the draft, or while the applicant answers a correction notice. */
	void addMaterial(CaseMaterial material) {
		if (status != CaseStatus.DRAFT && status != CaseStatus.CORRECTION_REQUESTED) {
			throw Problem.conflict("办件当前状态为“" + status.label() + "”，只有草稿或待补正的办件可以上传材料。");
		}
		materials.add(material);
	}

	/** When the correction notice was sent; null without one. Materials uploaded after it answer the notice. */
	public Instant correctionRequestedAt() {
		return timeline.stream().filter(t -> "request-correction".equals(t.action())).map(TimelineEntry::at)
				.reduce((first, last) -> last).orElse(null);
	}

	/** A paper original received at the window for a material of the list; recorded once per material. */
	void receivePaper(PaperMaterial paper) {
		requireDraft("登记纸质材料");
		if (channel != Channel.WINDOW) {
			throw Problem.conflict("只有窗口收件的办件可以登记收取纸质原件，网上申请请上传材料。");
		}
		if (paperMaterials.stream().noneMatch(p -> p.material().equals(paper.material()))) {
			paperMaterials.add(paper);
		}
	}

	/** Loads the paper materials stored with the case. */
	void paperMaterialsStored(List<PaperMaterial> stored) {
		paperMaterials.addAll(stored);
		storedPaperMaterials = paperMaterials.size();
	}

	public List<PaperMaterial> paperMaterials() {
		return List.copyOf(paperMaterials);
	}

	void submit(String actor, Instant now) {
		requireDraft("提交");
		status = CaseStatus.SUBMITTED;
		submittedAt = now;
		timeline.add(new TimelineEntry(status, actor, now, null, "submit", List.of()));
		pendingEvents.add(new CaseSubmitted(id, itemCode, situation, guideVersion, channel));
	}

	void withdraw(String actor, Instant now, String reason) {
		if (!status.withdrawable()) {
			throw Problem.conflict("办件当前状态为“" + status.label() + "”，不能撤回。");
		}
		status = CaseStatus.WITHDRAWN;
		handling.closeStep();
		timeline.add(new TimelineEntry(status, actor, now, reason, "withdraw", List.of()));
		pendingEvents.add(new CaseWithdrawn(id, itemCode, reason));
		if (submittedAt != null) {
			complete(now);
		}
	}

	// ---- handling: each transition checks the status and the step, records the facts and raises its event;
	// ---- CaseHandling moves the process, tells people and audits around it

	/** 受理, by a clerk or (deemed, art. 32) by the dates: {@code on} is the acceptance date in law. */
	void accept(String actor, Instant now, LocalDate on, boolean deemed, TimeLimits limits) {
		requireStep("受理", CaseStatus.SUBMITTED, Step.ACCEPT, Step.ACCEPT_AND_DECIDE);
		limits.accepted(handling, on);
		step(CaseStatus.UNDER_REVIEW, deemed ? "deemed-accept" : "accept", actor, now,
				deemed ? "受理期限届满未作决定，依《行政许可法》第三十二条自收到申请之日起即为受理。" : null, List.of());
		raise(new CaseAccepted(id, itemCode, handling.acceptedOn, handling.promisedDeadline, deemed));
	}

	/** 不予受理: finishes the case. */
	void refuse(String actor, Instant now, String reasons) {
		requireStep("不予受理", CaseStatus.SUBMITTED, Step.ACCEPT, Step.ACCEPT_AND_DECIDE);
		handling.closeStep();
		step(CaseStatus.REFUSED, "refuse", actor, now, reasons, List.of());
		complete(now);
		raise(new CaseEvents.CaseRefused(id, itemCode, reasons));
	}

	/** 一次性告知补正 (art. 32): once per case; the acceptance clock stops until the applicant corrects. */
	void requestCorrection(String actor, Instant now, LocalDate today, List<String> items, String note) {
		requireStep("要求补正", CaseStatus.SUBMITTED, Step.ACCEPT, Step.ACCEPT_AND_DECIDE);
		if (handling.correctionNoticeGiven()) {
			throw Problem.conflict("依《行政许可法》第三十二条，补正须一次告知全部内容；本办件已告知过补正。");
		}
		handling.suspensions.add(new Suspension(Suspension.Kind.CORRECTION, String.join("；", items), today, null, null, null));
		handling.suspensionsChanged = true;
		handling.acceptanceDue = null;
		step(CaseStatus.CORRECTION_REQUESTED, "request-correction", actor, now, note, items);
		raise(new CaseEvents.CorrectionRequested(id, itemCode, items));
	}

	/** The applicant's correction: the application counts as received again today (art. 32). */
	void correct(String actor, Instant now, LocalDate today, String note, TimeLimits limits) {
		requireStep("提交补正", CaseStatus.CORRECTION_REQUESTED, Step.CORRECT);
		handling.openSuspension().ifPresent(s -> endSuspension(s, today, limits));
		handling.corrections++;
		limits.received(handling, today);
		step(CaseStatus.SUBMITTED, "correct", actor, now, note, List.of());
		raise(new CaseEvents.CaseCorrected(id, itemCode, handling.acceptanceDue));
	}

	/** 审查: the reviewer's opinion; the decision is someone else's on a four-eyes item. */
	void review(boolean approved, String actor, Instant now, String opinion) {
		requireStep("审查", CaseStatus.UNDER_REVIEW, Step.REVIEW);
		handling.reviewer = actor;
		step(CaseStatus.UNDER_REVIEW, approved ? "review-approve" : "review-deny", actor, now, opinion, List.of());
	}

	/** 决定 by the decider, or 受理并决定 on an immediate item (accepted and decided in one step). */
	void decideAsDecider(boolean granted, String action, String actor, Instant now, LocalDate today, String reasons,
			boolean deemedAcceptance) {
		if (handling.step == Step.ACCEPT_AND_DECIDE) {
			requireStep("受理并决定", CaseStatus.SUBMITTED, Step.ACCEPT_AND_DECIDE);
			handling.acceptedOn = deemedAcceptance ? handling.receivedOn : today;
			step(CaseStatus.UNDER_REVIEW, "accept", actor, now, null, List.of());
			raise(new CaseAccepted(id, itemCode, handling.acceptedOn, today, deemedAcceptance));
		}
		else {
			requireStep("作出决定", CaseStatus.UNDER_REVIEW, Step.DECIDE);
		}
		decide(granted, action, actor, now, reasons);
	}

	/** The decider sends the case back to review; the clock keeps running. */
	void sendBack(String actor, Instant now, String reason) {
		requireStep("退回审查", CaseStatus.UNDER_REVIEW, Step.DECIDE);
		step(CaseStatus.UNDER_REVIEW, "send-back", actor, now, reason, List.of());
	}

	/** Stops the clock for one of art. 45's procedures (or an on-site check where the guide allows it). */
	void suspend(Suspension.Kind kind, String reason, int expectedDays, String actor, Instant now, LocalDate today) {
		requireStep("暂停计时", CaseStatus.UNDER_REVIEW, Step.REVIEW, Step.DECIDE);
		handling.suspensions.add(new Suspension(kind, reason, today, null, null, expectedDays));
		handling.suspensionsChanged = true;
		step(CaseStatus.SUSPENDED, "suspend", actor, now, kind.label() + "：" + reason + "（预计 " + expectedDays + " 个工作日）",
				List.of());
		raise(new CaseEvents.ClockStopped(id, itemCode, kind));
	}

	void resume(String actor, Instant now, LocalDate today, String note, TimeLimits limits) {
		if (status != CaseStatus.SUSPENDED) {
			throw Problem.conflict("办件当前为“" + status.label() + "”，没有暂停计时，不能恢复计时。");
		}
		handling.openSuspension().ifPresent(s -> endSuspension(s, today, limits));
		limits.recompute(handling);
		step(CaseStatus.UNDER_REVIEW, "resume", actor, now, note, List.of());
		raise(new CaseEvents.ClockResumed(id, itemCode, handling.promisedDeadline));
	}

	/** Art. 42: once, by the head, while the statutory limit runs, by the days the rule allows. */
	void extend(String actor, Instant now, LocalDate today, String reason, TimeLimits limits) {
		if (!handling.extensible(today) || handling.step != Step.REVIEW && handling.step != Step.DECIDE) {
			throw Problem.conflict("本办件不能再延长办理期限（《行政许可法》第四十二条：一次，于法定期限内，依规定的天数）。");
		}
		handling.extended = true;
		limits.recompute(handling);
		step(status, "extend", actor, now, reason, List.of());
		raise(new CaseEvents.CaseExtended(id, itemCode, handling.promisedDeadline, reason));
	}

	/** 事后核查属实: the grant on commitment stands, and the case is finished. */
	void confirm(String actor, Instant now, String findings) {
		requireStep("确认核查", CaseStatus.GRANTED, Step.POST_VERIFY);
		handling.closeStep();
		step(CaseStatus.GRANTED, "confirm", actor, now, findings, List.of());
		complete(now);
	}

	/** Tells the holder the intended revocation; they may state their case until {@code statementDue}. */
	void noticeRevocation(String actor, Instant now, LocalDate today, LocalDate statementDue, String findings) {
		requireStep("告知拟撤销", CaseStatus.GRANTED, Step.POST_VERIFY);
		if (handling.revocationNoticedOn != null) {
			throw Problem.conflict("已于 " + handling.revocationNoticedOn + " 告知拟撤销。");
		}
		handling.revocationNoticedOn = today;
		handling.statementDue = statementDue;
		step(status, "notify-revocation", actor, now, findings, List.of());
	}

	/** The holder's statement of case (陈述申辩), once, within the period. */
	void stateCase(String actor, Instant now, LocalDate today, String statement) {
		requireStep("陈述申辩", CaseStatus.GRANTED, Step.POST_VERIFY);
		if (handling.revocationNoticedOn == null || handling.heard(today)) {
			throw Problem.conflict("当前不能陈述申辩：未告知拟撤销、已陈述申辩或期限已届满。");
		}
		handling.statement = statement;
		handling.statementAt = now;
		step(status, "state-case", actor, now, statement, List.of());
	}

	/** 撤销许可 for a false commitment, once the holder has been heard (or let the period pass). */
	void revoke(String actor, Instant now, LocalDate today, String findings) {
		requireStep("撤销许可", CaseStatus.GRANTED, Step.POST_VERIFY);
		if (handling.revocationNoticedOn == null || !handling.heard(today)) {
			throw Problem.conflict("撤销许可前须告知持证人并听取陈述申辩（《行政许可法》第七条）。");
		}
		handling.closeStep();
		step(CaseStatus.REVOKED, "revoke", actor, now, findings, List.of());
		raise(new CommitmentBroken(id, itemCode, applicant, findings, actor, now));
		complete(now);
	}

	private void endSuspension(Suspension open, LocalDate on, TimeLimits limits) {
		handling.suspensions.set(handling.suspensions.indexOf(open), limits.ended(open, on));
		handling.suspensionsChanged = true;
	}

	private void requireStep(String what, CaseStatus expected, Step... steps) {
		if (status != expected || handling.step == null || !java.util.Arrays.asList(steps).contains(handling.step)) {
			throw Problem.conflict("办件当前为“" + status.label() + "”" + (handling.step == null ? ""
					: "（当前环节：" + handling.step.label() + "）") + "，不能" + what + "。");
		}
	}

	/** Records a handling step: the status it leaves, and the events it raises. */
	private void step(CaseStatus to, String action, String actor, Instant now, String reason, List<String> items) {
		status = to;
		timeline.add(new TimelineEntry(to, actor, now, reason, action, items));
	}

	private void raise(Object event) {
		pendingEvents.add(event);
	}

	/** Decides the case and finishes it (办结). */
	void decide(boolean granted, String action, String actor, Instant now, String reasons) {
		handling.decision = granted ? Decision.GRANTED : Decision.DENIED;
		handling.decisionReasons = reasons;
		handling.decidedAt = now;
		step(granted ? CaseStatus.GRANTED : CaseStatus.DENIED, action, actor, now, reasons, List.of());
		raise(new CaseDecided(id, itemCode, itemName, situation, situationName, granted, applicant, now, reasons,
				handling.noticeCommitment, channel));
		// a grant on a notice-commitment is finished only once the commitment has been verified
		if (!handling.noticeCommitment) {
			handling.closeStep();
			complete(now);
		}
	}

	void complete(Instant now) {
		if (handling.completedAt == null) {
			handling.completedAt = now;
			raise(new CaseCompleted(id, itemCode, status, now));
		}
	}

	private void requireDraft(String what) {
		if (status != CaseStatus.DRAFT) {
			throw Problem.conflict("办件当前状态为“" + status.label() + "”，只有草稿可以" + what + "。");
		}
	}

	List<Object> takeEvents() {
		List<Object> events = List.copyOf(pendingEvents);
		pendingEvents.clear();
		return events;
	}

	public long materialBytes() {
		return materials.stream().mapToLong(CaseMaterial::size).sum();
	}

	public CaseId id() {
		return id;
	}

	public String itemCode() {
		return itemCode;
	}

	public String itemName() {
		return itemName;
	}

	public String situationName() {
		return situationName;
	}

	public String situation() {
		return situation;
	}

	public int guideVersion() {
		return guideVersion;
	}

	public Applicant applicant() {
		return applicant;
	}

	public Channel channel() {
		return channel;
	}

	public Map<String, String> form() {
		return java.util.Collections.unmodifiableMap(new LinkedHashMap<>(form));
	}

	public CaseStatus status() {
		return status;
	}

	public Instant createdAt() {
		return createdAt;
	}

	public Instant submittedAt() {
		return submittedAt;
	}

	public List<TimelineEntry> timeline() {
		return List.copyOf(timeline);
	}

	public List<CaseMaterial> materials() {
		return List.copyOf(materials);
	}

	/** The open step (a Flowable task key) or null when none is open. */
	public String step() {
		return handling.step == null ? null : handling.step.key();
	}

	/** The open step, or null when none is open. */
	public Step currentStep() {
		return handling.step;
	}

	public String stepRole() {
		return handling.stepRole;
	}

	public String assignee() {
		return handling.assignee;
	}

	public boolean noticeCommitment() {
		return handling.noticeCommitment;
	}

	public LocalDate acceptanceDue() {
		return handling.acceptanceDue;
	}

	public LocalDate acceptedOn() {
		return handling.acceptedOn;
	}

	public LocalDate promisedDeadline() {
		return handling.promisedDeadline;
	}

	public LocalDate statutoryDeadline() {
		return handling.statutoryDeadline;
	}

	public Integer promisedDays() {
		return handling.promisedDays;
	}

	public Integer statutoryDays() {
		return handling.statutoryDays;
	}

	public boolean limitsProvisional() {
		return handling.limitsProvisional;
	}

	public boolean extended() {
		return handling.extended;
	}

	public int suspendedDays() {
		return handling.suspendedDays;
	}

	public int corrections() {
		return handling.corrections;
	}

	/** GRANTED, DENIED, or null before the decision. */
	public Decision decision() {
		return handling.decision;
	}

	public String decisionReasons() {
		return handling.decisionReasons;
	}

	public Instant decidedAt() {
		return handling.decidedAt;
	}

	public Instant completedAt() {
		return handling.completedAt;
	}

	public List<Suspension> suspensions() {
		return List.copyOf(handling.suspensions);
	}

	public LocalDate verificationDue() {
		return handling.verificationDue;
	}

	public String division() {
		return handling.division;
	}

	/** The 告知承诺 text the applicant committed to, as the guide version showed it; null without a commitment. */
	public String commitmentText() {
		return handling.commitmentText;
	}

	/** SM3 of {@link #commitmentText()} in UTF-8, lower-case hex. */
	public String commitmentSm3() {
		return handling.commitmentSm3;
	}

	/** When the holder was told of an intended revocation; null when not. */
	public LocalDate revocationNoticedOn() {
		return handling.revocationNoticedOn;
	}

	/** Until when the holder may state their case against the intended revocation. */
	public LocalDate statementDue() {
		return handling.statementDue;
	}

	/** What the holder stated (陈述申辩); null when nothing was stated. */
	public String statement() {
		return handling.statement;
	}

	public Instant statementAt() {
		return handling.statementAt;
	}

	/** The 办件编号 people read and type (e.g. 2026-000123); null until the case is submitted. */
	public String number() {
		return number;
	}

	/** The 查询码 that, with the number, shows the progress to anyone without an account; null on a draft. */
	public String queryCode() {
		return queryCode;
	}

	/** The number where there is one, else the internal id: how messages name the case. */
	public String reference() {
		return number != null ? number : id.toString();
	}

	void numbered(String number, String queryCode) {
		this.number = number;
		this.queryCode = queryCode;
	}

	/** The clerk who opened a window case; null online. */
	public String openedBy() {
		return handling.openedBy;
	}

	/**
	 * The date the authority is next bound to: the acceptance decision before acceptance, the promised
	 * decision date after it, the post-verification of a grant on commitment, nothing once finished.
	 */
	public LocalDate deadline() {
		return switch (status) {
			case SUBMITTED -> handling.acceptanceDue;
			case UNDER_REVIEW, SUSPENDED -> handling.promisedDeadline;
			case GRANTED -> handling.step == Step.POST_VERIFY ? handling.verificationDue : null;
			default -> null;
		};
	}

	public CountFrom countFrom() {
		return handling.countFrom;
	}

	public WarningLevel warningLevel() {
		return handling.warningLevel;
	}

	/** Whether the guide lets an on-site check stop the promised clock (never the statutory one). */
	public boolean onSiteCheckStopsPromisedClock() {
		return handling.onsiteStopsPromised;
	}

	/** Working days the decision limit may be extended by once; 0 when the rule allows none. */
	public int extensionDays() {
		return handling.extensionDays;
	}

	/** When the decision limit starts counting (the guide's rule for the item or situation). */
	public enum CountFrom {
		/** From receipt of the complete application (e.g. a nurse's change of registration). */
		RECEIPT,
		/** From acceptance, as 《行政许可法》第四十二条 counts. */
		ACCEPTANCE
	}

	/**
	 * Mutable handling state, kept together so that the repository can read and write it in one place.
	 * Transitions go through {@link CaseHandling}, which computes the dates from the working-day calendar.
	 */
	static final class Handling {
		String processKey;
		String processInstanceId;
		String division;
		Step step;
		String stepRole;
		String assignee;
		String reviewer;
		boolean fourEyes;
		boolean noticeCommitment;
		Integer promisedDays;
		Integer statutoryDays;
		CountFrom countFrom = CountFrom.ACCEPTANCE;
		int extensionDays;
		boolean onsiteStopsPromised;
		LocalDate receivedOn;
		LocalDate acceptanceDue;
		LocalDate acceptedOn;
		LocalDate promisedDeadline;
		LocalDate statutoryDeadline;
		/** Some date of the case rests on a year whose holiday arrangement is not yet published (预计). */
		boolean limitsProvisional;
		int suspendedDays;
		boolean extended;
		int corrections;
		WarningLevel warningLevel;
		Decision decision;
		String decisionReasons;
		Instant decidedAt;
		Instant completedAt;
		LocalDate verificationDue;
		Integer verificationDays;
		String commitmentText;
		String commitmentSm3;
		LocalDate revocationNoticedOn;
		LocalDate statementDue;
		String statement;
		Instant statementAt;
		String openedBy;
		final List<Suspension> suspensions = new ArrayList<>();
		boolean suspensionsChanged;

		Optional<Suspension> openSuspension() {
			return suspensions.stream().filter(Suspension::open).findFirst();
		}

		/** Art. 32: the one correction notice a case may get has been given. */
		boolean correctionNoticeGiven() {
			return corrections > 0 || suspensions.stream().anyMatch(s -> s.kind() == Suspension.Kind.CORRECTION);
		}

		/** Art. 42: the one extension may still be granted today (the rule allows one and the limit still runs). */
		boolean extensible(LocalDate today) {
			return !extended && extensionDays > 0 && (statutoryDeadline == null || !today.isAfter(statutoryDeadline));
		}

		/** The holder told of an intended revocation has stated their case, or let the period pass. */
		boolean heard(LocalDate today) {
			return statement != null || statementDue != null && today.isAfter(statementDue);
		}

		/** The art. 45 kinds stop both clocks; an on-site check stops only the promised one, where allowed. */
		boolean promisedClockRunning() {
			return openSuspension().isEmpty();
		}

		boolean statutoryClockRunning() {
			return openSuspension().map(s -> !s.kind().stopsStatutoryClock()).orElse(true);
		}

		void closeStep() {
			step = null;
			stepRole = null;
			assignee = null;
		}
	}
}
