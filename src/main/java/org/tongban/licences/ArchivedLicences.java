package org.tongban.licences;

import java.util.Optional;

import org.springframework.stereotype.Component;
import org.tongban.archive.LicenceDocuments;
import org.tongban.cases.Case;
import org.tongban.cases.CaseId;
import org.tongban.cases.CaseRecords;
import org.tongban.catalogue.Catalogue;
import org.tongban.catalogue.Guide;

/** Gives the archive the licence PDF of a case, and tells it to wait while a grant's licence is still being issued. */
@Component
class ArchivedLicences implements LicenceDocuments {

	private final Licences licences;
	private final CaseRecords cases;
	private final Catalogue catalogue;

	ArchivedLicences(Licences licences, CaseRecords cases, Catalogue catalogue) {
		this.licences = licences;
		this.cases = cases;
		this.catalogue = catalogue;
	}

	@Override
	public Optional<byte[]> pdfForCase(CaseId id) {
		return licences.pdfForCase(id);
	}

	@Override
	public boolean pending(CaseId id) {
		Optional<Case> c = cases.find(id);
		if (c.isEmpty() || c.get().decision() != org.tongban.cases.Decision.GRANTED
				|| LicenceIssuing.kindOf(c.get().situation(), c.get().situationName()) != LicenceIssuing.Kind.NEW) {
			return false;
		}
		boolean licensed = catalogue.published(c.get().itemCode()).map(Guide::licence)
				.filter(spec -> spec.numberPattern() != null).isPresent();
		return licensed && licences.forCase(id).isEmpty();
	}
}
