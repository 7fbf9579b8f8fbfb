package org.tongban.licences.web;

import java.time.LocalDate;

import org.tongban.licences.Licence;
import org.tongban.licences.LicenceStatus;

/**
 * What anyone with the number and check code sees: a person's name masked, never an ID number or phone;
 * an enterprise's USCC is public record and shown.
 */
record PublicLicenceView(String number, String name, String itemName, String holderName, String uscc,
		String scope, LocalDate validFrom, LocalDate validUntil, String authority, LocalDate issuedOn,
		LicenceStatus status, String statusLabel) {

	static PublicLicenceView of(Licence l, LicenceStatus status) {
		return new PublicLicenceView(l.number(), l.name(), l.itemName(), l.publicHolderName(),
				l.holderKind() == Licence.HolderKind.ENTERPRISE ? l.holderId() : null, l.scope(), l.validFrom(),
				l.validUntil(), l.authority(), l.issuedOn(), status, status.label());
	}
}
