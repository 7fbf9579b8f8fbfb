package org.tongban.integrated;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.tongban.cases.Applicant;
import org.tongban.cases.CaseCompleted;
import org.tongban.cases.CaseDecided;
import org.tongban.cases.CaseStatus;
import org.tongban.catalogue.Catalogue;
import org.tongban.catalogue.Guide;
import org.tongban.integrated.IntegratedApplication.Kind;
import org.tongban.integrated.IntegratedApplication.Status;
import org.tongban.integrated.IntegratedApplication.SubCase;
import org.tongban.licences.IntegratedLicensing;
import org.tongban.licences.Licence;
import org.tongban.licences.LicenceCaseApplied;
import org.tongban.licences.Licences;
import org.tongban.notification.Inbox;

/**
 * Follows the sub-cases of integrated applications: records each decision, and once every part is granted and its
 * licence written, issues (or re-signs, or cancels) the integrated licence; a denied part is told to the applicant
 * once, with what they can do. Decisions and licences arrive as events in either order; the application's row lock
 * makes them queue, so the integrated licence is issued once.
 */
@Component
class SubCaseProgress {

	private static final Logger log = LoggerFactory.getLogger(SubCaseProgress.class);
	static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	private final ApplicationStore store;
	private final IndustryPackages packages;
	private final IntegratedLicensing integratedLicences;
	private final Licences licences;
	private final Catalogue catalogue;
	private final Inbox inbox;
	private final java.time.Clock clock;
	private final IndustryEfficiency efficiency;

	SubCaseProgress(ApplicationStore store, IndustryPackages packages, IntegratedLicensing integratedLicences,
			Licences licences, Catalogue catalogue, Inbox inbox, java.time.Clock clock, IndustryEfficiency efficiency) {
		this.efficiency = efficiency;
		this.store = store;
		this.packages = packages;
		this.integratedLicences = integratedLicences;
		this.licences = licences;
		this.catalogue = catalogue;
		this.inbox = inbox;
		this.clock = clock;
	}

	@ApplicationModuleListener
	void on(CaseDecided decided) {
		UUID caseId = decided.caseId().value();
		store.lockBySubCase(caseId).ifPresent(a -> {
			store.decided(caseId, decided.granted(), decided.reasons(), decided.decidedAt());
			if (decided.granted() && !waitsForLicence(a, decided)) {
				store.licenceApplied(caseId);
			}
			advance(store.find(a.id()).orElseThrow());
		});
	}

	/** A part refused at acceptance (不予受理) or withdrawn ends without a decision: it stops the whole like a denial. */
	@ApplicationModuleListener
	void on(CaseCompleted completed) {
		if (completed.outcome() != CaseStatus.REFUSED && completed.outcome() != CaseStatus.WITHDRAWN) {
			return;
		}
		UUID caseId = completed.caseId().value();
		store.lockBySubCase(caseId).ifPresent(a -> {
			store.decided(caseId, false, completed.outcome().label(), completed.completedAt());
			advance(store.find(a.id()).orElseThrow());
		});
	}

	@ApplicationModuleListener
	void on(LicenceCaseApplied applied) {
		UUID caseId = applied.caseId().value();
		store.lockBySubCase(caseId).ifPresent(a -> {
			store.licenceApplied(caseId);
			advance(store.find(a.id()).orElseThrow());
		});
	}

	/**
	 * Whether the part is done only once licences has acted on it: a new part that issues a licence, or a lifecycle
	 * part naming a licence (the part's own, or for a reissue the integrated licence). A part that names none — a
	 * doctor's change of practice place opened with the clinic, say — is done when granted.
	 */
	private boolean waitsForLicence(IntegratedApplication a, CaseDecided d) {
		if (a.kind() == Kind.NEW) {
			return integratedLicences.issuesLicence(d.itemCode(), d.situation(), d.situationName());
		}
		if (a.kind() == Kind.REISSUE) {
			return true;
		}
		return integratedLicences.parts(a.licenceNumber()).stream()
			.anyMatch(p -> p.itemCode().equals(d.itemCode()) && p.licenceNumber() != null);
	}

	private void advance(IntegratedApplication a) {
		if (a.status() != Status.IN_PROGRESS) {
			return;
		}
		Optional<SubCase> denied = a.subCases().stream().filter(s -> Boolean.FALSE.equals(s.granted())).findFirst();
		if (denied.isPresent()) {
			store.status(a.id(), Status.PART_DENIED, null, null);
			SubCase s = denied.get();
			inbox.notifyUser(a.owner(), "一业一证", "综合申请中的“" + s.itemName() + "”未获准予",
					"您的一业一证综合申请中，“" + s.itemName() + "”未获准予（" + Objects.toString(s.reasons(), "理由见决定书") + "），其余事项暂停发证。请在综合申请页查看理由和可以采取的办法"
							+ "（修改后重新申请该项，或申请行政复议、提起行政诉讼）。",
					"/integrated/applications/" + a.id(), "integrated-denied:" + a.id());
			return;
		}
		boolean ready = a.subCases().stream().allMatch(s -> Boolean.TRUE.equals(s.granted()) && s.licenceApplied());
		if (!ready) {
			return;
		}
		Instant now = clock.instant();
		String number = switch (a.kind()) {
			case NEW -> issue(a);
			case CHANGE, RENEW -> update(a);
			case CANCEL -> integratedLicences.cancel(a.licenceNumber(), a.id(), "各分项许可均已注销").number();
			// the integrated item's own reissue case reissued the licence (LicenceIssuing); nothing more to do
			case REISSUE -> a.licenceNumber();
		};
		store.status(a.id(), Status.DONE, number, now);
		if (a.kind() == Kind.NEW) {
			efficiency.measure(a.packageCode());
		}
		inbox.notifyUser(a.owner(), "一业一证", "一业一证综合申请已办结",
				a.kind() == Kind.NEW ? "各项许可均已准予，已核发行业综合许可证 " + number + "，可在“我的证照”查看和下载。"
						: "行业综合许可证 " + number + " 的" + a.kind().label() + "已办结。",
				"/integrated/applications/" + a.id(), "integrated-done:" + a.id());
		log.info("Integrated application {} ({}) done: licence {}", a.id(), a.kind(), number);
	}

	private String issue(IntegratedApplication a) {
		IndustryPackage pkg = packages.version(a.packageCode(), a.packageVersion()).orElseThrow();
		LocalDate today = LocalDate.ofInstant(clock.instant(), SHANGHAI);
		List<IntegratedLicensing.Part> parts = parts(a);
		List<LocalDate> partsUntil = parts.stream().map(p -> licences.forCase(p.caseId()).map(Licence::validUntil).orElse(null))
			.filter(Objects::nonNull).toList();
		LocalDate until = UnifiedValidity.until(pkg.validity(), defaultYears(pkg), today, partsUntil);
		Map<String, String> h = a.applicant();
		Applicant holder = new Applicant(Applicant.Kind.ENTERPRISE, null, h.get("uscc"), h.get("name"), h.get("agentName"),
				a.owner());
		return integratedLicences.issue(a.id(), pkg.itemCode(), holder, pkg.name() + "（" + scope(a) + "）", parts, today,
				until).number();
	}

	private String update(IntegratedApplication a) {
		IndustryPackage pkg = packages.version(a.packageCode(), a.packageVersion()).orElseThrow();
		IntegratedApplication first = store.forLicence(a.licenceNumber()).stream().filter(x -> x.kind() == Kind.NEW)
			.findFirst().orElseThrow();
		List<IntegratedLicensing.Part> parts = parts(first);
		Licence l = licences.find(a.licenceNumber()).orElseThrow();
		LocalDate until = l.validUntil();
		if (a.kind() == Kind.RENEW) {
			List<LocalDate> partsUntil = integratedLicences.parts(l.number()).stream()
				.map(IntegratedLicensing.PartStatus::validUntil).filter(Objects::nonNull).toList();
			until = UnifiedValidity.renewed(pkg.validity(), defaultYears(pkg), l.validUntil(), partsUntil);
		}
		return integratedLicences.update(l.number(), a.id(), a.kind().name(), null, parts, until,
				a.kind().label() + "：" + a.subCases().stream().map(SubCase::itemName).toList()).number();
	}

	private static List<IntegratedLicensing.Part> parts(IntegratedApplication a) {
		List<IntegratedLicensing.Part> parts = new ArrayList<>();
		a.subCases().forEach(s -> parts.add(new IntegratedLicensing.Part(s.itemCode(), s.itemName(),
				new org.tongban.cases.CaseId(s.caseId()), s.caseNumber())));
		return parts;
	}

	private Integer defaultYears(IndustryPackage pkg) {
		return catalogue.published(pkg.itemCode()).map(Guide::licence).map(l -> l.validityYears()).orElse(null);
	}

	private static String scope(IntegratedApplication a) {
		return String.join("、", a.subCases().stream().map(SubCase::itemName).toList());
	}
}
