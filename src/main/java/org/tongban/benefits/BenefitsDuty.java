package org.tongban.benefits;

import org.springframework.stereotype.Component;
import org.tongban.identity.Role;
import org.tongban.identity.SignedInUser;
import org.tongban.shared.Problem;

/**
 * Who may do what with the programmes, decided here only. A programme belongs to a division (two-cancer screening:
 * 公卫处, which runs maternal and child health; health checks and family doctors: 基层处; pre-pregnancy checks: 人口家发处);
 * that division's staff save and try out its rules and read the explanation of a person for it. Another
 * division's programme answers 404. Full runs cover every programme and may be started by the staff of any
 * division that owns one; other staff are refused (403).
 */
@Component
class BenefitsDuty {

	private final Programmes programmes;

	BenefitsDuty(Programmes programmes) {
		this.programmes = programmes;
	}

	/** The programme, when it is in this staff member's duty; 404 otherwise. */
	Programme programmeOf(SignedInUser me, String code) {
		Programme programme = programmes.byCode(code).orElseThrow(() -> Problem.notFound("没有编号为 " + code + " 的免申即享项目。"));
		if (!me.has(Role.DIVISION_STAFF) || !programme.division().equals(me.orgUnitCode())) {
			throw Problem.notFound("没有编号为 " + code + " 的免申即享项目，或不在您的职责范围内。");
		}
		return programme;
	}

	void mayRun(SignedInUser me) {
		if (!me.has(Role.DIVISION_STAFF)
				|| programmes.all().stream().noneMatch(p -> p.division().equals(me.orgUnitCode()))) {
			throw Problem.forbidden("只有负责免申即享项目的处室（公卫处、基层处、人口家发处）工作人员可以发起全量匹配。");
		}
	}

	boolean ownsAny(SignedInUser me) {
		return me.has(Role.DIVISION_STAFF) && programmes.all().stream().anyMatch(p -> p.division().equals(me.orgUnitCode()));
	}
}
