package org.tongban.cases;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongban.cases.process.CaseProcesses;
import org.tongban.identity.Role;
import org.tongban.identity.SignedInUser;
import org.tongban.shared.AuditTrail;
import org.tongban.shared.Problem;

/**
 * Handling a case after submission: the step open in its process decides which actions exist, the
 * signed-in user's roles decide who may take them, and each action moves the case row, the process and
 * the time limits together in one transaction, then tells the applicant.
 */
@Service
public class CaseHandling {

	static final String SYSTEM = "system";
	/** The commission's own unit, where its leaders sit. */
	static final String LEADERS = "COMMISSION";
	static final int MAX_REASON = 2000;

	private final Cases cases;
	private final CaseProcesses processes;
	private final TimeLimits limits;
	private final Notifications notifications;
	private final org.tongban.notification.Inbox inbox;
	private final org.tongban.identity.AccountManagement accounts;
	private final AuditTrail audit;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	CaseHandling(Cases cases, CaseProcesses processes, TimeLimits limits, Notifications notifications,
			org.tongban.notification.Inbox inbox, org.tongban.identity.AccountManagement accounts, AuditTrail audit,
			ApplicationEventPublisher events, Clock clock) {
		this.cases = cases;
		this.processes = processes;
		this.limits = limits;
		this.notifications = notifications;
		this.inbox = inbox;
		this.accounts = accounts;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * What an action carries: reasons, the items of a correction notice (free text, and {@code materials} of the
	 * situation's list it names, see {@link Corrections}), a suspension's kind, a hand-over's target.
	 */
	public record ActionRequest(String reason, List<String> items, String kind, String to, Integer expectedDays,
			List<Corrections.NoticeMaterial> materials) {

		public ActionRequest(String reason, List<String> items, String kind, String to, Integer expectedDays) {
			this(reason, items, kind, to, expectedDays, List.of());
		}

		public static ActionRequest none() {
			return new ActionRequest(null, List.of(), null, null, null);
		}

		/** A body with a reason only (withdrawal, correction). */
		public static ActionRequest because(String reason) {
			return new ActionRequest(reason, List.of(), null, null, null);
		}
	}

	/**
	 * Puts a case being submitted, in the submitter's transaction, at its process's first step (受理 by the
	 * window), projected onto the case row; the process itself starts with the first action on the case. So a
	 * burst of applications costs no process starts, and nothing is left to start after the 201 (a crash after
	 * it loses nothing). A process that does something before its first task is started at once.
	 */
	void awaitAcceptance(Case c) {
		Case.Handling h = c.handling;
		var first = processes.firstStep(h.processKey);
		if (first.isEmpty()) {
			process(c);
			return;
		}
		h.step = Step.of(first.get().key());
		h.stepRole = first.get().role();
		h.assignee = null;
	}

	/** Grants a submitted notice-commitment case at once; its process opens 事后核查 for an inspector. */
	void grantOnCommitment(Case c) {
		Case.Handling h = c.handling;
		process(c);
		c.decide(true, "grant", SYSTEM, clock.instant(), "申请人已书面承诺符合告知的条件，依告知承诺制当场准予许可，后续将进行事后核查。");
		save(c, "case.granted-on-commitment", CaseStatus.SUBMITTED, SYSTEM);
		notifications.tell(c, "您的办件已准予许可（告知承诺制）",
				"您的“" + c.itemName() + "”申请已依告知承诺制准予许可。我们将" + (h.verificationDue == null ? "在规定期限内"
						: "在 " + h.verificationDue + " 前") + "对承诺内容进行核查，承诺不实的将撤销许可。");
	}

	/** Starts the process of a submitted case now rather than at its first action (the benchmark's comparison). */
	@Transactional
	public void startProcess(CaseId id) {
		Case c = cases.lock(id).orElseThrow();
		if (c.handling.processInstanceId == null && c.status() == CaseStatus.SUBMITTED) {
			process(c);
			cases.save(c);
		}
	}

	/** The case's process instance, started (at the step the case row shows) if this is the first action on it. */
	private String process(Case c) {
		Case.Handling h = c.handling;
		if (h.processInstanceId != null) {
			return h.processInstanceId;
		}
		Map<String, Object> variables = new HashMap<>();
		variables.put("applicant", c.applicant().owner());
		if (h.noticeCommitment) {
			// a due date in a year without holiday arrangements yet is left open rather than guessed
			h.verificationDue = limits.verificationDue(LocalDate.now(clock), h.verificationDays)
					.orElse(null);
			variables.put("verificationDue", h.verificationDue == null ? null
					: java.util.Date.from(h.verificationDue.atStartOfDay(clock.getZone()).toInstant()));
		}
		h.processInstanceId = processes.start(h.processKey, c.id().toString(), variables);
		project(c);
		return h.processInstanceId;
	}

	/**
	 * The actions the user may take on the case now, in the order the pages show them. The case must have been
	 * read through a call that checked the user may see it ({@link CaseApplications#get}, {@link #act}).
	 */
	public List<CaseAction> allowed(SignedInUser me, Case c) {
		return CaseSteps.allowed(me, c, LocalDate.now(clock));
	}

	/** Takes an action on a case: 409 with the allowed actions when the step has no such action. */
	@Transactional
	public Case act(SignedInUser me, CaseId id, String actionName, ActionRequest request) {
		CaseAction action = CaseAction.of(actionName).orElseThrow(() -> Problem.notFound("没有名为“" + actionName + "”的办件操作。"));
		Case c = visible(me, id);
		ActionRequest body = request == null ? ActionRequest.none() : request;
		Instant now = clock.instant();
		LocalDate today = LocalDate.now(clock);
		List<CaseAction> allowed = CaseSteps.allowed(me, c, today);
		if (!allowed.contains(action)) {
			if (CaseSteps.stepActions(c, today).contains(action)) {
				throw Problem.forbidden(CaseSteps.refusal(me, c, action));
			}
			String closed = CaseSteps.closedByLaw(c, action, today);
			throw Problem.conflict(closed != null ? closed
					: "办件当前为“" + c.status().label() + "”" + CaseSteps.stepName(c) + "，不能“" + action.label() + "”。")
					.with("allowedActions", allowed.stream().map(CaseAction::apiName).toList());
		}
		CaseStatus before = c.status();
		String actor = me.username();
		Case.Handling h = c.handling;
		switch (action) {
			case CLAIM -> {
				processes.assign(process(c), actor);
				h.assignee = actor;
			}
			case HAND_OVER -> {
				String to = ActionInputs.required(body.to(), "to", "请填写接收人账户名。");
				Role role = Role.valueOf(h.stepRole);
				if (!accounts.holds(to, role)) {
					throw Problem.invalid("to", "账户“" + to + "”不存在、已停用或不是" + role.label() + "，不能转交。");
				}
				// within the duty: a division's step to its own staff, any other step within the holder's unit
				String unit = role == Role.APPROVER || role == Role.DIVISION_STAFF ? h.division
						: me.has(Role.LEADER) ? null : me.orgUnitCode();
				if (unit != null && !unit.equals(accounts.byUsername(to).orgUnitCode())) {
					throw Problem.invalid("to", "只能转交给本单位（" + unit + "）的" + role.label() + "，账户“" + to + "”不属于该单位。");
				}
				processes.assign(process(c), to);
				h.assignee = to;
			}
			// after the window of art. 32 the case is accepted as of its receipt, whoever clicks
			case ACCEPT -> {
				boolean deemed = CaseSteps.acceptanceWindowPassed(c, today);
				accept(c, actor, now, deemed ? h.receivedOn : today, deemed);
			}
			case REFUSE -> {
				c.refuse(actor, now, ActionInputs.reason(body, "请写明不予受理的理由。"));
				complete(c, actor, Map.of("outcome", "refuse"));
				notifications.tellDecision(c, "您的办件不予受理");
			}
			case REQUEST_CORRECTION -> {
				List<String> items = ActionInputs.items(body);
				c.requestCorrection(actor, now, today, items, body.reason() == null ? null : ActionInputs.text(body.reason()));
				complete(c, actor, Map.of("outcome", "request-correction"));
				notifications.tell(c, "请补正申请材料（一次性告知）",
						"请补正以下材料后重新提交：" + String.join("；", items) + "。补正期间办理时限暂停计算。");
			}
			case CORRECT -> {
				c.correct(actor, now, today, body.reason() == null ? null : ActionInputs.text(body.reason()), limits);
				complete(c, actor, Map.of());
			}
			case APPROVE, DENY -> decideOrReview(c, action, body, actor, now, today);
			case SUSPEND -> {
				Suspension.Kind kind = ActionInputs.suspensionKind(body.kind(), h.onsiteStopsPromised);
				String reason = ActionInputs.reason(body, "请写明暂停计时的原因。");
				int expected = ActionInputs.expectedDays(body.expectedDays());
				c.suspend(kind, reason, expected, actor, now, today);
				notifications.tell(c, "您的办件暂停计时", "因" + kind.label() + "，" + (kind.stopsStatutoryClock()
						? "依《行政许可法》第四十五条，所需时间不计算在办理期限内" : "承诺办理时限暂停计算（法定期限照常计算）")
						+ "，预计需要 " + expected + " 个工作日。原因：" + reason);
			}
			case RESUME -> {
				c.resume(actor, now, today, body.reason() == null ? null : ActionInputs.text(body.reason()), limits);
				notifications.tell(c, "您的办件恢复计时", h.promisedDeadline == null ? "办理时限恢复计算。"
						: "办理时限恢复计算，承诺于 " + h.promisedDeadline + " 前办结。");
			}
			case EXTEND -> {
				String reason = ActionInputs.reason(body, "请写明延长期限的理由（将告知申请人）。");
				c.extend(actor, now, today, reason, limits);
				notifications.tell(c, "您的办件办理期限已延长",
						"经本机关负责人批准，办理期限延长 " + h.extensionDays + " 个工作日" + (h.promisedDeadline == null
								? "" : "，至 " + h.promisedDeadline) + "。理由：" + reason);
			}
			case SEND_BACK -> {
				c.sendBack(actor, now, ActionInputs.reason(body, "请写明退回审查的理由。"));
				complete(c, actor, Map.of("outcome", "send-back"));
			}
			case CONFIRM -> {
				c.confirm(actor, now, ActionInputs.reason(body, "请填写核查情况。"));
				complete(c, actor, Map.of("outcome", "confirm"));
			}
			case NOTIFY_REVOCATION -> {
				String findings = ActionInputs.reason(body, "请写明核查发现的承诺不实情况，即拟撤销许可的事实和理由。");
				c.noticeRevocation(actor, now, today, limits.statementDue(today).orElseThrow(() -> Problem.conflict(
						"工作日历缺少下一年度的节假日安排，无法计算陈述申辩期限，请管理员录入后再告知。")), findings);
				notifications.tell(c, "拟撤销许可告知", "经事后核查，发现：" + findings + "。本机关拟依法撤销您的“" + c.itemName()
						+ "”许可。依《行政许可法》第七条，您享有陈述、申辩的权利，可在 " + h.statementDue
						+ " 前（含当日）在“我的办件”中提出陈述申辩；逾期未提出的，视为放弃。");
			}
			case STATE_CASE -> {
				c.stateCase(actor, now, today, ActionInputs.reason(body, "请填写陈述申辩的内容。"));
				String title = "持证人已陈述申辩：" + c.itemName();
				String text = "办件 " + c.reference() + " 的持证人对拟撤销许可提出了陈述申辩，请在作出决定前听取。";
				if (h.assignee != null) {
					inbox.notifyUser(h.assignee, "办件", title, text, "/work/cases/" + c.id(), "statement-" + c.id());
				}
				else {
					inbox.notifyUnit(h.division, "办件", title, text, "/work/cases/" + c.id(), "statement-" + c.id());
				}
			}
			case REVOKE -> {
				c.revoke(actor, now, today, ActionInputs.reason(body, "请写明承诺不实的核查情况。"));
				complete(c, actor, Map.of("outcome", "revoke"));
				notifications.tellDecision(c, "您的许可已被撤销");
			}
			case WITHDRAW -> {
				String reason = ActionInputs.reason(body, "请填写撤回原因。");
				if (reason.length() > 500) {
					throw Problem.invalid("reason", "撤回原因不能超过 500 字。");
				}
				processes.end(h.processInstanceId, "withdrawn");
				c.withdraw(actor, now, reason);
			}
		}
		save(c, "case." + action.apiName(), before, actor);
		return c;
	}

	private void accept(Case c, String actor, Instant now, LocalDate on, boolean deemed) {
		c.accept(actor, now, on, deemed, limits);
		complete(c, actor, Map.of("outcome", "accept"));
		LocalDate promised = c.handling.promisedDeadline;
		notifications.tell(c, "您的办件已受理", "您的“" + c.itemName() + "”申请已受理" + (promised == null
				? "。" : "，承诺于 " + promised + " 前办结。"));
	}

	private void decideOrReview(Case c, CaseAction action, ActionRequest body, String actor, Instant now, LocalDate today) {
		boolean granted = action == CaseAction.APPROVE;
		if (c.handling.step == Step.REVIEW) {
			c.review(granted, actor, now, granted ? (body.reason() == null ? null : ActionInputs.text(body.reason()))
					: ActionInputs.reason(body, "请写明审查不通过的理由。"));
			complete(c, actor, Map.of("outcome", action.apiName()));
			return;
		}
		String reasons = granted ? (body.reason() == null ? null : ActionInputs.text(body.reason()))
				: ActionInputs.reason(body, "不予许可须说明理由。");
		c.decideAsDecider(granted, action.apiName(), actor, now, today, reasons, CaseSteps.acceptanceWindowPassed(c, today));
		complete(c, actor, Map.of("outcome", action.apiName()));
		if (granted) {
			notifications.tell(c, "您的办件已准予许可", "您的“" + c.itemName() + "”申请已准予许可。");
		}
		else {
			notifications.tellDecision(c, "您的办件不予许可");
		}
	}

	/** Accepts a case nobody decided on within five working days (art. 32). */
	@Transactional
	public boolean deemAccepted(CaseId id) {
		Case c = cases.lock(id).orElseThrow();
		LocalDate today = LocalDate.now(clock);
		if (c.status() != CaseStatus.SUBMITTED || c.handling.step != Step.ACCEPT || c.handling.acceptanceDue == null
				|| !today.isAfter(c.handling.acceptanceDue)) {
			return false;
		}
		accept(c, SYSTEM, clock.instant(), c.handling.receivedOn, true);
		save(c, "case.deemed-accepted", CaseStatus.SUBMITTED, SYSTEM);
		return true;
	}

	/**
	 * Recomputes limits that waited for a year's holidays and stores the warning level; on a change to amber
	 * or red tells whoever holds the step (or the division), and red escalates to the division and leaders.
	 * Returns the new level when it changed to amber or red.
	 */
	@Transactional
	public WarningLevel watch(CaseId id) {
		return watch(id, false);
	}

	/**
	 * As {@link #watch(CaseId)} after the holiday arrangement of a year has been entered or edited: every date
	 * of the case is counted again, ended suspensions included, and its warning level set anew.
	 */
	@Transactional
	public WarningLevel recount(CaseId id) {
		return watch(id, true);
	}

	private WarningLevel watch(CaseId id, boolean recount) {
		Case c = cases.lock(id).orElseThrow();
		Case.Handling h = c.handling;
		boolean pending = recount || h.limitsProvisional;
		if (pending) {
			if (h.noticeCommitment && h.decidedAt != null) {
				h.verificationDue = limits.verificationDue(LocalDate.ofInstant(h.decidedAt, clock.getZone()),
						h.verificationDays).orElse(null);
			}
			if (h.revocationNoticedOn != null) {
				h.statementDue = limits.statementDue(h.revocationNoticedOn).orElse(h.statementDue);
			}
			limits.recompute(h, recount);
		}
		LocalDate today = LocalDate.now(clock);
		WarningLevel level = limits.level(today, c).orElse(null);
		WarningLevel before = h.warningLevel;
		if (limits.statutoryOverdue(today, c)) {
			// beyond the law's limit, not only the promise: the commission's leaders are told, once per deadline
			inbox.notifyUnit(LEADERS, "办件时限", "办件已超过法定期限：" + c.itemName(), "办件 " + c.reference() + "（"
					+ h.step.label() + "）的法定办理期限已于 " + h.statutoryDeadline + " 届满，请督办。",
					"/work/cases/" + c.id(), "case-statutory-" + c.id() + "-" + h.statutoryDeadline);
		}
		if (!pending && before == level) {
			return null;
		}
		h.warningLevel = level;
		cases.save(c);
		if (level == null || level == before || level == WarningLevel.GREEN) {
			return null;
		}
		boolean red = level == WarningLevel.RED;
		String title = (red ? "办件已超期：" : "办件即将到期：") + c.itemName();
		String body = "办件 " + c.reference() + "（" + (h.step == null ? "—" : h.step.label()) + "）" + (red ? "已超过" : "将于") + " " + c.deadline()
				+ (red ? " 的办理期限，请立即处理。" : " 到期，剩余不足 " + TimeLimits.AMBER_DAYS + " 个工作日。");
		String link = "/work/cases/" + c.id();
		String key = "case-" + level + "-" + c.id() + "-" + c.deadline();
		if (h.assignee != null) {
			inbox.notifyUser(h.assignee, "办件时限", title, body, link, key);
		}
		if (red || h.assignee == null) {
			inbox.notifyUnit(h.division, "办件时限", title, body, link, key + "-unit");
		}
		events.publishEvent(new CaseEvents.DeadlineWarning(c.id(), c.itemCode(), level.name(), c.deadline()));
		return level;
	}

	private void complete(Case c, String actor, Map<String, Object> variables) {
		processes.complete(process(c), actor, variables);
		project(c);
	}

	/** Copies the open task onto the case row: the step, the role that may act, who has claimed it. */
	private void project(Case c) {
		Case.Handling h = c.handling;
		var open = processes.openStep(h.processInstanceId);
		if (open.isEmpty()) {
			h.closeStep();
			return;
		}
		h.step = Step.of(open.get().key());
		h.stepRole = open.get().role() == null ? CaseSteps.APPLICANT : open.get().role();
		h.assignee = open.get().role() == null ? null : open.get().assignee();
	}

	private void save(Case c, String auditAction, CaseStatus before, String actor) {
		if (c.deadline() == null) {
			// nothing is due any more: the case leaves the warnings and escalations
			c.handling.warningLevel = null;
		}
		cases.save(c);
		c.takeEvents().forEach(events::publishEvent);
		Map<String, Object> after = new HashMap<>();
		after.put("status", c.status().name());
		if (c.step() != null) {
			after.put("step", c.step());
		}
		if (c.deadline() != null) {
			after.put("deadline", c.deadline().toString());
		}
		audit.recordAs(actor, auditAction, "case", c.id(), Map.of("status", before.name()), after);
	}

	/** The case, locked, if it is within the user's duty ({@link CaseDuty}); otherwise it does not exist for them. */
	private Case visible(SignedInUser me, CaseId id) {
		return cases.find(id, CaseDuty.of(me, LocalDate.now(clock)), true)
				.orElseThrow(() -> Problem.notFound("未找到该办件。"));
	}
}
