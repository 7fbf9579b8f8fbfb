package org.tongban.cases;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The licences an application for a change, renewal, cancellation or reissue acts on: offered on the
 * application form, and checked when the application is submitted. Implemented by the licences module (which
 * depends on cases, so the port is published here, as the archive's {@code LicenceDocuments} is there); without
 * an implementation no situation acts on a held licence.
 */
@org.springframework.modulith.NamedInterface("api")
public interface HeldLicences {

	/** The form field naming the licence a case acts on. */
	String FIELD = "licenceNumber";

	/** Whether the item's situation acts on a licence already held rather than issuing a new one. */
	boolean actsOnHeldLicence(String itemCode, String situation, String situationName);

	/**
	 * Whether the item's situation sets the particulars its licence carries (a first issue or a change): the form
	 * then asks for them.
	 */
	boolean setsParticulars(String itemCode, String situation, String situationName);

	/** The applicant's licences of the item such a case may act on (not revoked or cancelled), newest first. */
	List<HeldLicence> heldBy(Applicant.Kind kind, String holderId, String itemCode);

	/**
	 * Why the licence numbered {@code number} may not be acted on by a case of this applicant and item (not
	 * theirs, another item's, revoked or cancelled), in Chinese; empty when it may.
	 */
	Optional<String> refusal(Applicant.Kind kind, String holderId, String itemCode, String number);

	/** The number of the licence a case issued or acted on, once the licences module has done so. */
	Optional<String> licenceOf(CaseId caseId);

	/**
	 * A licence as the form offers it: {@code particulars} the data it carries, by form field (in the guide's
	 * order), to pre-fill the form of a change with.
	 */
	record HeldLicence(String number, String name, String statusLabel, LocalDate validFrom, LocalDate validUntil,
			String scope, Map<String, String> particulars) {
	}
}
