package org.tongban.licences.web;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.tongban.licences.Licence;
import org.tongban.licences.Licences;
import org.tongban.licences.LicenceStatus;
import org.tongban.licences.Particular;

/**
 * A licence for staff and for its holder, with the particulars it carries and the public verification link
 * (the QR code's address, check code included) to share.
 */
record LicenceView(String number, String name, String itemCode, String itemName, String holderKind,
		String holderName, String holderIdType, String holderId, String scope, LocalDate validFrom,
		LocalDate validUntil, String authority, LocalDate issuedOn, UUID caseId, LicenceStatus status,
		String statusLabel, List<Particular> particulars, String checkCode, String verifyUrl) {

	static LicenceView of(Licence l, Licences licences) {
		LicenceStatus status = licences.status(l);
		return new LicenceView(l.number(), l.name(), l.itemCode(), l.itemName(), l.holderKind().name(), l.holderName(),
				l.holderIdType(), l.holderId(), l.scope(), l.validFrom(), l.validUntil(), l.authority(), l.issuedOn(),
				l.caseId(), status, status.label(), l.particulars(), l.checkCode(), licences.verifyUrl(l));
	}

	/** What the holder's number is called: 统一社会信用代码, 公民身份号码, 护照号码 … */
	public String holderIdLabel() {
		return "USCC".equals(holderIdType) ? "统一社会信用代码"
				: org.tongban.shared.IdDocumentType.parse(holderIdType).orElse(org.tongban.shared.IdDocumentType.RESIDENT_ID)
					.numberLabel();
	}

	LicenceView withHolderId(String id) {
		return new LicenceView(number, name, itemCode, itemName, holderKind, holderName, holderIdType, id, scope,
				validFrom, validUntil, authority, issuedOn, caseId, status, statusLabel, particulars, checkCode,
				verifyUrl);
	}
}
