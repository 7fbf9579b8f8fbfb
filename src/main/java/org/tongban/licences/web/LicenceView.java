package org.tongban.licences.web;

import java.time.LocalDate;
import java.util.UUID;

import org.tongban.licences.Licence;
import org.tongban.licences.LicenceStatus;

/** A licence for staff and for its holder. */
record LicenceView(String number, String name, String itemCode, String itemName, String holderKind,
		String holderName, String holderIdType, String holderId, String scope, LocalDate validFrom,
		LocalDate validUntil, String authority, LocalDate issuedOn, UUID caseId, LicenceStatus status,
		String statusLabel) {

	static LicenceView of(Licence l, LicenceStatus status) {
		return new LicenceView(l.number(), l.name(), l.itemCode(), l.itemName(), l.holderKind().name(), l.holderName(),
				l.holderIdType(), l.holderId(), l.scope(), l.validFrom(), l.validUntil(), l.authority(), l.issuedOn(),
				l.caseId(), status, status.label());
	}
}
