package org.tongban.licences;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongban.cases.Applicant;
import org.tongban.cases.CaseId;
import org.tongban.catalogue.Catalogue;
import org.tongban.catalogue.Guide;
import org.tongban.catalogue.GuideContent;
import org.tongban.shared.Problem;

/**
 * 行业综合许可证 (一业一证): one licence, numbered, signed and verified like any other, that lists the permit of each
 * part with its number. The parts are ordinary cases whose own licences this module issues as usual; the integrated
 * licence is issued from the integrated application (its id stands where a case id stands) once every part is
 * granted, and re-signed when a lifecycle application changes its parts.
 */
@Service
public class IntegratedLicensing {

	/** A part: the underlying item and the case that decided it. */
	public record Part(String itemCode, String itemName, CaseId caseId, String caseNumber) {
	}

	/** A part as the public and the holder see it now: its own licence (if the item issues one) and that one's status. */
	public record PartStatus(String itemCode, String itemName, String caseNumber, String licenceNumber,
			String licenceName, LicenceStatus status, String statusLabel, LocalDate validUntil) {
	}

	private final Licences licences;
	private final LicenceStore store;
	private final Catalogue catalogue;
	private final ApplicationEventPublisher events;
	private final java.time.Clock clock;

	IntegratedLicensing(Licences licences, LicenceStore store, Catalogue catalogue, ApplicationEventPublisher events,
			java.time.Clock clock) {
		this.licences = licences;
		this.store = store;
		this.catalogue = catalogue;
		this.events = events;
		this.clock = clock;
	}

	/** Whether a granted case of this item and situation issues a new licence here (so a new part waits for it). */
	public boolean issuesLicence(String itemCode, String situation, String situationName) {
		GuideContent.Licence spec = catalogue.published(itemCode).map(Guide::licence).orElse(null);
		return spec != null && spec.numberPattern() != null
				&& LicenceIssuing.kindOf(situation, situationName) == LicenceIssuing.Kind.NEW;
	}

	/**
	 * Issues the integrated licence of {@code itemCode} (the package's catalogue item, whose guide names the licence
	 * and its number pattern) for an application; a second call for the same application returns the first licence.
	 */
	@Transactional
	public Licence issue(UUID applicationId, String itemCode, Applicant holder, String scope, List<Part> parts,
			LocalDate validFrom, LocalDate validUntil) {
		Instant now = clock.instant();
		if (!store.claimCase(applicationId, "INTEGRATED", now)) {
			return store.byCase(applicationId).orElseThrow();
		}
		Guide guide = catalogue.published(itemCode).orElseThrow(() -> Problem.notFound("未找到事项“" + itemCode + "”。"));
		GuideContent.Licence spec = guide.licence();
		if (spec == null || spec.numberPattern() == null) {
			throw new IllegalStateException("item " + itemCode + " names no licence");
		}
		int year = validFrom.getYear();
		String pattern = spec.numberPattern();
		String number = LicenceNumbers.format(pattern, year,
				store.nextSequence(pattern, LicenceNumbers.hasYear(pattern) ? year : 0));
		boolean person = holder.kind() == Applicant.Kind.PERSON;
		Licence l = new Licence(number, spec.name(), itemCode, guide.name(),
				person ? Licence.HolderKind.PERSON : Licence.HolderKind.ENTERPRISE, holder.name(),
				person ? holder.idType().name() : "USCC", person ? holder.idNumber() : holder.uscc(), holder.owner(),
				scope, validFrom, validUntil, Licences.AUTHORITY, LocalDate.now(clock), applicationId,
				LicenceStatus.VALID, Licences.newCheckCode(), null, null, particulars(parts));
		store.insert(licences.sign(l), now);
		store.replaceParts(number, rows(parts));
		store.history(number, "ISSUE", "system", "各分项许可均已准予，核发行业综合许可证", applicationId, now);
		store.caseDone(applicationId, number);
		events.publishEvent(new LicenceCaseApplied(number, itemCode, new CaseId(applicationId), "ISSUE"));
		return store.find(number).orElseThrow();
	}

	/**
	 * Re-signs an integrated licence after a lifecycle application ({@code action} CHANGE or RENEW) changed its parts:
	 * the holder's name, the parts' numbers and the unified validity as they are now. Idempotent per application; a
	 * cancelled or revoked licence cannot change (409).
	 */
	@Transactional
	public Licence update(String number, UUID applicationId, String action, String holderName, List<Part> parts,
			LocalDate validUntil, String reason) {
		Licence l = integrated(number);
		Instant now = clock.instant();
		if (!store.claimCase(applicationId, action, now)) {
			return l;
		}
		requireLive(l);
		Licence changed = l.withData(holderName == null ? l.holderName() : holderName, l.scope(), validUntil,
				l.storedStatus(), l.checkCode(), particulars(parts));
		store.update(licences.sign(changed), now);
		store.replaceParts(number, rows(parts));
		store.history(number, action, "system", reason, applicationId, now, LicenceIssuing.changes(l, changed));
		store.caseDone(applicationId, number);
		events.publishEvent(new LicenceCaseApplied(number, l.itemCode(), new CaseId(applicationId), action));
		return changed;
	}

	/** Cancels an integrated licence once every part is cancelled; idempotent per application. */
	@Transactional
	public Licence cancel(String number, UUID applicationId, String reason) {
		Licence l = integrated(number);
		Instant now = clock.instant();
		if (!store.claimCase(applicationId, "CANCEL", now)) {
			return l;
		}
		requireLive(l);
		Licence cancelled = l.withData(l.holderName(), l.scope(), l.validUntil(), LicenceStatus.CANCELLED, l.checkCode());
		store.update(licences.sign(cancelled), now);
		store.history(number, "CANCEL", "system", reason, applicationId, now, LicenceIssuing.changes(l, cancelled));
		store.caseDone(applicationId, number);
		events.publishEvent(new LicenceCaseApplied(number, l.itemCode(), new CaseId(applicationId), "CANCEL"));
		return cancelled;
	}

	/** Whether the licence is an integrated one (it lists parts). */
	public boolean isIntegrated(String number) {
		return !store.parts(number).isEmpty();
	}

	/** The parts of an integrated licence, each with its own licence's current status; empty for any other licence. */
	public List<PartStatus> parts(String number) {
		LocalDate today = LocalDate.now(clock);
		return store.parts(number).stream().map(p -> {
			Optional<Licence> own = Optional.ofNullable(p.partNumber()).flatMap(store::find);
			LicenceStatus status = own.map(o -> o.status(today)).orElse(null);
			return new PartStatus(p.itemCode(), p.itemName(), p.caseNumber(), p.partNumber(),
					own.map(Licence::name).orElse(null), status, status == null ? "已备案" : status.label(),
					own.map(Licence::validUntil).orElse(null));
		}).toList();
	}

	private Licence integrated(String number) {
		Licence l = store.lock(number).orElseThrow(() -> Problem.notFound("未找到该证照。"));
		if (store.parts(number).isEmpty()) {
			throw Problem.conflict("证照" + number + "不是行业综合许可证。");
		}
		return l;
	}

	private static void requireLive(Licence l) {
		if (l.storedStatus() == LicenceStatus.CANCELLED || l.storedStatus() == LicenceStatus.REVOKED) {
			throw Problem.conflict("行业综合许可证" + l.number() + "已" + l.storedStatus().label() + "，不能再变更、延续或注销。");
		}
	}

	/** Each part as a signed particular: the part's licence name and number, or the filing's case number. */
	private List<Particular> particulars(List<Part> parts) {
		List<Particular> out = new ArrayList<>();
		for (Part p : parts) {
			Optional<Licence> own = partLicence(p);
			out.add(own.map(o -> new Particular("part." + p.itemCode(), o.name(), o.number()))
				.orElseGet(() -> new Particular("part." + p.itemCode(), p.itemName(),
						"已办结（办件编号 " + (p.caseNumber() == null ? p.caseId() : p.caseNumber()) + "）")));
		}
		return out;
	}

	private List<LicenceStore.PartRow> rows(List<Part> parts) {
		return parts.stream().map(p -> new LicenceStore.PartRow(p.itemCode(), p.itemName(), p.caseId().value(),
				p.caseNumber(), partLicence(p).map(Licence::number).orElse(null))).toList();
	}

	/** The licence a part's case issued or acted on (a change or renewal case names the licence it changed). */
	private Optional<Licence> partLicence(Part p) {
		return store.licenceOfCase(p.caseId().value()).flatMap(store::find);
	}
}
