package org.tongban.archive;

import java.util.Optional;

import org.tongban.cases.CaseId;

/**
 * The licence issued for a case, as PDF, for the archival package. Implemented by the licences module; the
 * archive works without any implementation (packages then have no licence document).
 */
public interface LicenceDocuments {

	Optional<byte[]> pdfForCase(CaseId id);

	/** True while a licence the case will get has not been issued yet: the package waits for it. */
	default boolean pending(CaseId id) {
		return false;
	}
}
