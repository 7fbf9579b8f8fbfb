package org.tongban.feedback;

import java.util.UUID;

import org.springframework.stereotype.Component;
import org.tongban.identity.Role;
import org.tongban.identity.SignedInUser;
import org.tongban.shared.Problem;

/**
 * Who sees and works 办不成事 tickets, in one place. The reporter (signed in, or anonymous with the follow-up
 * token) follows their own and reopens an answer; leaders and the 审批服务中心 see every ticket, approvers and
 * division staff their unit's; only the owner unit's staff act on one (others who see it: 403; the rest: 404).
 */
@Component
public class TicketDuty {

	private static final String NOT_FOUND = "未找到该办不成事反映。";

	private final Tickets tickets;

	TicketDuty(Tickets tickets) {
		this.tickets = tickets;
	}

	/** The unit {@code me} is limited to on the staff list, or null for all; 403 for those who see none. */
	public String scope(SignedInUser me) {
		if (me.has(Role.LEADER) || me.has(Role.CLERK)) {
			return null;
		}
		if ((me.has(Role.APPROVER) || me.has(Role.DIVISION_STAFF)) && me.orgUnitCode() != null) {
			return me.orgUnitCode();
		}
		throw Problem.forbidden("只有委领导、审批服务中心和各处室工作人员可以查看办不成事清单。");
	}

	/** The ticket if {@code me} (null: anonymous) or the holder of {@code token} may read it; 404 otherwise. */
	public Ticket toRead(SignedInUser me, UUID id, String token) {
		Ticket t = tickets.find(id).orElseThrow(() -> Problem.notFound(NOT_FOUND));
		if (reporter(me, t, token) || staffSees(me, t)) {
			return t;
		}
		throw Problem.notFound(NOT_FOUND);
	}

	/** The ticket if {@code me} is staff of its owner unit. */
	public Ticket toHandle(SignedInUser me, UUID id) {
		Ticket t = tickets.find(id).orElseThrow(() -> Problem.notFound(NOT_FOUND));
		if (handles(me, t)) {
			return t;
		}
		if (me != null && (staffSees(me, t) || reporter(me, t, null))) {
			throw Problem.forbidden("只有责任单位的工作人员可以办理该办不成事。");
		}
		throw Problem.notFound(NOT_FOUND);
	}

	/** The ticket if {@code me} or the holder of {@code token} filed it. */
	public Ticket toReopen(SignedInUser me, UUID id, String token) {
		Ticket t = tickets.find(id).orElseThrow(() -> Problem.notFound(NOT_FOUND));
		if (reporter(me, t, token)) {
			return t;
		}
		if (staffSees(me, t)) {
			throw Problem.forbidden("只有反映人本人可以重新提出。");
		}
		throw Problem.notFound(NOT_FOUND);
	}

	/** Whether {@code me} works on the ticket as staff of its owner unit. */
	public boolean handles(SignedInUser me, Ticket t) {
		return me != null && (me.has(Role.APPROVER) || me.has(Role.DIVISION_STAFF) || me.has(Role.CLERK))
				&& t.unit().equals(me.orgUnitCode());
	}

	/** Whether {@code me} filed the ticket, or {@code token} is its follow-up token. */
	public boolean reporter(SignedInUser me, Ticket t, String token) {
		if (me != null && me.username().equals(t.reporter())) {
			return true;
		}
		return t.reporter() == null && tickets.tokenMatches(t.id(), token);
	}

	private boolean staffSees(SignedInUser me, Ticket t) {
		if (me == null) {
			return false;
		}
		if (me.has(Role.LEADER) || me.has(Role.CLERK)) {
			return true;
		}
		return (me.has(Role.APPROVER) || me.has(Role.DIVISION_STAFF)) && t.unit().equals(me.orgUnitCode());
	}
}
