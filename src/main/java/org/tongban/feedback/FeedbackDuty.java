package org.tongban.feedback;

import org.springframework.stereotype.Component;
import org.tongban.identity.Role;
import org.tongban.identity.SignedInUser;
import org.tongban.shared.Problem;

/**
 * Who sees which ratings and rectification tasks, in one place. Leaders and the approval centre's window staff
 * oversee all units; approvers and division staff see their own unit's; inspectors, administrators and
 * applicants none (403). Only staff of the task's unit act on it (others who see it: 403; the rest: 404);
 * only the applicant confirms or reopens.
 */
@Component
public class FeedbackDuty {

	private final Ratings ratings;

	FeedbackDuty(Ratings ratings) {
		this.ratings = ratings;
	}

	/** The unit {@code me} is limited to, or null for all units; 403 for those who see none. */
	public String scope(SignedInUser me) {
		if (me.has(Role.LEADER) || me.has(Role.CLERK)) {
			return null;
		}
		if ((me.has(Role.APPROVER) || me.has(Role.DIVISION_STAFF)) && me.orgUnitCode() != null) {
			return me.orgUnitCode();
		}
		throw Problem.forbidden("只有委领导、审批服务中心和各处室工作人员可以查看好差评和整改任务。");
	}

	/** The task if {@code me} may act on it as its unit's staff. */
	public Rectification toHandle(SignedInUser me, java.util.UUID id) {
		Rectification r = ratings.rectifications().find(id).orElseThrow(() -> Problem.notFound("未找到该整改任务。"));
		if (me.isStaff() && r.unit().equals(me.orgUnitCode())) {
			return r;
		}
		if (visible(me, r)) {
			throw Problem.forbidden("只有责任单位“" + r.unit() + "”的工作人员可以办理该整改任务。");
		}
		throw Problem.notFound("未找到该整改任务。");
	}

	/** The task if {@code me} is the applicant who gave the rating. */
	public Rectification toAnswer(SignedInUser me, java.util.UUID id) {
		Rectification r = ratings.rectifications().find(id).orElseThrow(() -> Problem.notFound("未找到该整改任务。"));
		if (owner(me, r)) {
			return r;
		}
		if (visible(me, r)) {
			throw Problem.forbidden("只有作出评价的申请人可以确认或重新提出整改。");
		}
		throw Problem.notFound("未找到该整改任务。");
	}

	private boolean visible(SignedInUser me, Rectification r) {
		if (owner(me, r)) {
			return true;
		}
		if (me.has(Role.LEADER) || me.has(Role.CLERK)) {
			return true;
		}
		return (me.has(Role.APPROVER) || me.has(Role.DIVISION_STAFF)) && r.unit().equals(me.orgUnitCode());
	}

	private boolean owner(SignedInUser me, Rectification r) {
		return ratings.applicantOf(r.ratingId()).filter(me.username()::equals).isPresent();
	}
}
