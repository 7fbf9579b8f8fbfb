package org.tongban.licences;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;
import org.tongban.cases.Applicant;
import org.tongban.cases.HeldLicences;
import org.tongban.catalogue.Catalogue;
import org.tongban.catalogue.Guide;

/**
 * Tells the cases module which licences a change, renewal, cancellation or reissue may act on: the
 * applicant's own (same ID number or USCC), of the same item, neither revoked nor cancelled. The same rule
 * {@link LicenceIssuing} applies on the grant.
 */
@Component
class HeldLicencesForApplications implements HeldLicences {

	private final LicenceStore store;
	private final Licences licences;
	private final Catalogue catalogue;

	HeldLicencesForApplications(LicenceStore store, Licences licences, Catalogue catalogue) {
		this.store = store;
		this.licences = licences;
		this.catalogue = catalogue;
	}

	@Override
	public boolean actsOnHeldLicence(String itemCode, String situation, String situationName) {
		LicenceIssuing.Kind kind = LicenceIssuing.kindOf(situation, situationName);
		return kind != LicenceIssuing.Kind.NEW && kind != LicenceIssuing.Kind.NONE
				&& catalogue.published(itemCode).map(Guide::licence).filter(l -> l.numberPattern() != null).isPresent();
	}

	@Override
	public boolean setsParticulars(String itemCode, String situation, String situationName) {
		LicenceIssuing.Kind kind = LicenceIssuing.kindOf(situation, situationName);
		return (kind == LicenceIssuing.Kind.NEW || kind == LicenceIssuing.Kind.CHANGE)
				&& catalogue.published(itemCode).map(Guide::licence).filter(l -> l.numberPattern() != null).isPresent();
	}

	@Override
	public List<HeldLicence> heldBy(Applicant.Kind kind, String holderId, String itemCode) {
		if (holderId == null || itemCode == null) {
			return List.of();
		}
		return store.heldBy(holderId, itemCode).stream().filter(HeldLicencesForApplications::actionable).map(l -> {
			Map<String, String> particulars = new LinkedHashMap<>();
			l.particulars().forEach(p -> particulars.put(p.field(), p.value()));
			return new HeldLicence(l.number(), l.name(), licences.status(l).label(), l.validFrom(), l.validUntil(),
					l.scope(), particulars);
		}).toList();
	}

	@Override
	public Optional<String> licenceOf(org.tongban.cases.CaseId caseId) {
		return store.licenceOfCase(caseId.value());
	}

	@Override
	public Optional<String> refusal(Applicant.Kind kind, String holderId, String itemCode, String number) {
		if (number == null || number.isBlank()) {
			return Optional.of("请选择本次申请所针对的证照。");
		}
		Optional<Licence> found = store.find(number.strip());
		// another holder's licence reads as an unknown number: nobody learns which numbers exist
		if (found.isEmpty() || holderId == null || !found.get().holderId().equals(holderId)) {
			return Optional.of("证照编号“" + number.strip() + "”不是您持有的证照，请从您的证照中选择。");
		}
		Licence l = found.get();
		if (!l.itemCode().equals(itemCode)) {
			return Optional.of("证照“" + l.number() + "”（" + l.name() + "）不是本事项的证照，请选择本事项的证照。");
		}
		if (!actionable(l)) {
			return Optional.of("证照“" + l.number() + "”" + l.storedStatus().label() + "，不能再办理变更、延续、注销或补证。");
		}
		return Optional.empty();
	}

	static boolean actionable(Licence l) {
		return l.storedStatus() != LicenceStatus.REVOKED && l.storedStatus() != LicenceStatus.CANCELLED;
	}
}
