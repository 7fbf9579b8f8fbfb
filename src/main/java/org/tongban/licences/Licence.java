package org.tongban.licences;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * An issued e-licence. {@code storedStatus} is what was decided; {@link #status(LocalDate)} adds expiry.
 * {@code signedData} is the canonical form (see {@link CanonicalForm}) the SM2 {@code signature} covers.
 */
public record Licence(String number, String name, String itemCode, String itemName, HolderKind holderKind,
		String holderName, String holderIdType, String holderId, String owner, String scope, LocalDate validFrom,
		LocalDate validUntil, String authority, LocalDate issuedOn, UUID caseId, LicenceStatus storedStatus,
		String checkCode, String signature, String signedData, List<Particular> particulars) {

	public Licence {
		particulars = particulars == null ? List.of() : List.copyOf(particulars);
	}

	/** The value of the particular of that form field, if the licence carries it. */
	public java.util.Optional<String> particular(String field) {
		return particulars.stream().filter(p -> p.field().equals(field)).map(Particular::value).findFirst();
	}

	public enum HolderKind {
		PERSON, ENTERPRISE
	}

	/** The status on a day: a valid or suspended licence past its last valid day has expired. */
	public LicenceStatus status(LocalDate today) {
		if ((storedStatus == LicenceStatus.VALID || storedStatus == LicenceStatus.SUSPENDED) && validUntil != null
				&& today.isAfter(validUntil)) {
			return LicenceStatus.EXPIRED;
		}
		return storedStatus;
	}

	/** The holder's name as the public sees it: persons masked (张三 → 张*, 张小三 → 张*三), enterprises in full. */
	public String publicHolderName() {
		return holderKind == HolderKind.ENTERPRISE ? holderName : maskPersonName(holderName);
	}

	static String maskPersonName(String name) {
		int[] cps = name.strip().codePoints().toArray();
		if (cps.length <= 1) {
			return "*";
		}
		StringBuilder b = new StringBuilder().appendCodePoint(cps[0]);
		if (cps.length == 2) {
			return b.append('*').toString();
		}
		b.append("*".repeat(cps.length - 2));
		return b.appendCodePoint(cps[cps.length - 1]).toString();
	}

	Licence withData(String holderName, String scope, LocalDate validUntil, LicenceStatus status, String checkCode) {
		return withData(holderName, scope, validUntil, status, checkCode, particulars);
	}

	Licence withData(String holderName, String scope, LocalDate validUntil, LicenceStatus status, String checkCode,
			List<Particular> particulars) {
		return new Licence(number, name, itemCode, itemName, holderKind, holderName, holderIdType, holderId, owner, scope,
				validFrom, validUntil, authority, issuedOn, caseId, status, checkCode, signature, signedData, particulars);
	}

	Licence signed(String signature, String signedData) {
		return new Licence(number, name, itemCode, itemName, holderKind, holderName, holderIdType, holderId, owner, scope,
				validFrom, validUntil, authority, issuedOn, caseId, storedStatus, checkCode, signature, signedData,
				particulars);
	}
}
