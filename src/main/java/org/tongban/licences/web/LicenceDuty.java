package org.tongban.licences.web;

import java.util.List;

import org.springframework.stereotype.Component;
import org.tongban.catalogue.Catalogue;
import org.tongban.catalogue.Guide;
import org.tongban.catalogue.ServiceItemSummary;
import org.tongban.identity.AccessLog;
import org.tongban.identity.Role;
import org.tongban.identity.SignedInUser;
import org.tongban.licences.Licence;
import org.tongban.licences.Licences;
import org.tongban.shared.Masking;
import org.tongban.shared.Problem;

/**
 * Who sees a licence's personal data: its holder, and the staff (approvers, division staff) of the division the
 * catalogue names for its item — in full on the licence's page, each staff view logged. Other staff read the
 * licence with the holder's ID number masked; the register is masked for everyone and, for approvers and
 * division staff, limited to their division's items. Only the item's division acts on a licence.
 */
@Component
class LicenceDuty {

	private final Licences licences;
	private final Catalogue catalogue;
	private final AccessLog accessLog;

	LicenceDuty(Licences licences, Catalogue catalogue, AccessLog accessLog) {
		this.licences = licences;
		this.catalogue = catalogue;
		this.accessLog = accessLog;
	}

	/** The licence for its holder or staff; anyone else is told it does not exist. */
	Licence visible(SignedInUser me, String number) {
		return licences.find(number).filter(l -> me.isStaff() || l.owner().equals(me.username()))
			.orElseThrow(() -> Problem.notFound("未找到该证照。"));
	}

	/** The licence for staff of its item's division (who may act on it); anyone else 404. */
	Licence ofMyDivision(SignedInUser me, String number) {
		return licences.find(number).filter(l -> divisionStaff(me, l))
			.orElseThrow(() -> Problem.notFound("未找到该证照。"));
	}

	/** Whether the personal data of the licence is shown in full to {@code me}. */
	boolean personal(SignedInUser me, Licence l) {
		return l.owner().equals(me.username()) || divisionStaff(me, l);
	}

	private boolean divisionStaff(SignedInUser me, Licence l) {
		return (me.has(Role.APPROVER) || me.has(Role.DIVISION_STAFF)) && me.orgUnitCode() != null
				&& catalogue.published(l.itemCode()).map(Guide::division).filter(me.orgUnitCode()::equals).isPresent();
	}

	/**
	 * The items whose licences the register shows {@code me}: an approver's or division staff member's own
	 * division's; all (null) for leaders, inspectors, the window and administrators, who see it masked.
	 */
	List<String> registerItems(SignedInUser me) {
		boolean overseer = me.has(Role.LEADER) || me.has(Role.INSPECTOR) || me.has(Role.CLERK) || me.has(Role.ADMIN);
		if (overseer || !(me.has(Role.APPROVER) || me.has(Role.DIVISION_STAFF))) {
			return null;
		}
		return me.orgUnitCode() == null ? List.of()
				: catalogue.items(null, me.orgUnitCode(), null).stream().map(ServiceItemSummary::code).toList();
	}

	/** The licence as {@code me} may see it on its page: in full (a staff view is logged) or masked. */
	LicenceView view(SignedInUser me, Licence l, String purpose) {
		LicenceView full = LicenceView.of(l, licences);
		if (!personal(me, l)) {
			return masked(full);
		}
		if (!l.owner().equals(me.username())) {
			accessLog.viewed(me.username(), "licence", l.number(),
					"持证人姓名、" + full.holderIdLabel(), purpose);
		}
		return full;
	}

	/** A line of a list: the holder's ID number masked (an enterprise's credit code is public). */
	LicenceView listed(Licence l) {
		return masked(LicenceView.of(l, licences));
	}

	private static LicenceView masked(LicenceView v) {
		if ("USCC".equals(v.holderIdType())) {
			return v;
		}
		return v.withHolderId(Masking.idNumber(v.holderId()));
	}

	/** Records an export of the register (what was exported, how many rows) in the access log. */
	void exported(SignedInUser me, String q, int rows) {
		accessLog.viewed(me.username(), "licence-export", q == null || q.isBlank() ? "全部" : q.strip(),
				"证照登记簿 " + rows + " 条（持证人姓名）", "导出证照登记簿");
	}
}
