package org.tongban.licences.web;

import java.time.LocalDate;
import java.util.List;

import org.tongban.licences.IntegratedLicensing;
import org.tongban.licences.Licence;
import org.tongban.licences.LicenceStatus;

/**
 * What anyone with the number and check code sees: a person's name masked, never an ID number or phone;
 * an enterprise's USCC is public record and shown, as are the particulars the licence carries (e.g. a nurse's
 * 执业机构, which the national register shows too).
 */
record PublicLicenceView(String number, String name, String itemName, String holderName, String uscc,
		String scope, LocalDate validFrom, LocalDate validUntil, String authority, LocalDate issuedOn,
		LicenceStatus status, String statusLabel, List<Item> particulars, List<Part> parts) {

	/** A particular as the public reads it: its label and value (e.g. 执业机构, the public register's entry). */
	record Item(String label, String value) {
	}

	/**
	 * A part of an integrated licence (行业综合许可证) with its own permit's status now, so a verifier sees at once
	 * whether each permit it carries still stands.
	 */
	record Part(String itemName, String licenceName, String licenceNumber, String statusLabel, LocalDate validUntil) {
	}

	static PublicLicenceView of(Licence l, LicenceStatus status, List<IntegratedLicensing.PartStatus> parts) {
		return new PublicLicenceView(l.number(), l.name(), l.itemName(), l.publicHolderName(),
				l.holderKind() == Licence.HolderKind.ENTERPRISE ? l.holderId() : null, l.scope(), l.validFrom(),
				l.validUntil(), l.authority(), l.issuedOn(), status, status.label(),
				l.particulars().stream().filter(p -> !p.field().startsWith("part."))
					.map(p -> new Item(p.label(), p.value())).toList(),
				parts.stream().map(p -> new Part(p.itemName(), p.licenceName(), p.licenceNumber(), p.statusLabel(),
						p.validUntil())).toList());
	}
}
