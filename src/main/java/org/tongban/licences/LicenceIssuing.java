package org.tongban.licences;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.tongban.cases.Applicant;
import org.tongban.cases.Case;
import org.tongban.cases.CaseDecided;
import org.tongban.cases.CaseRecords;
import org.tongban.cases.CommitmentBroken;
import org.tongban.catalogue.Catalogue;
import org.tongban.catalogue.Guide;
import org.tongban.catalogue.GuideContent;

/**
 * Issues a licence on a grant, or applies a change/renewal/cancellation/reissue case to the licence named in
 * its form; revokes on a broken notice-commitment. Each case is acted on once (licences_case_done).
 */
@Component
class LicenceIssuing {

	private static final Logger log = LoggerFactory.getLogger(LicenceIssuing.class);
	static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	enum Kind {
		NEW, CHANGE, RENEW, CANCEL, REISSUE, NONE
	}

	private final Licences licences;
	private final LicenceStore store;
	private final Catalogue catalogue;
	private final CaseRecords cases;
	private final java.time.Clock clock;
	private final org.springframework.context.ApplicationEventPublisher events;

	LicenceIssuing(Licences licences, LicenceStore store, Catalogue catalogue, CaseRecords cases,
			java.time.Clock clock, org.springframework.context.ApplicationEventPublisher events) {
		this.clock = clock;
		this.events = events;
		this.licences = licences;
		this.store = store;
		this.catalogue = catalogue;
		this.cases = cases;
	}

	@ApplicationModuleListener
	void on(CaseDecided decided) {
		if (!decided.granted()) {
			return;
		}
		Optional<Guide> guide = catalogue.published(decided.itemCode());
		GuideContent.Licence spec = guide.map(Guide::licence).orElse(null);
		if (spec == null || spec.numberPattern() == null) {
			return;
		}
		Map<String, String> form = cases.find(decided.caseId()).map(Case::form).orElse(Map.of());
		Kind kind = kindOf(decided.situation(), decided.situationName());
		if (kind == Kind.NONE) {
			return;
		}
		if (kind == Kind.NEW) {
			issue(decided, spec, form);
		}
		else {
			applyChange(decided, kind, spec, form);
		}
	}

	@ApplicationModuleListener
	void on(CommitmentBroken broken) {
		licences.revokeForCase(broken.caseId(), broken.inspector(), "告知承诺核查不实：" + broken.findings())
			.ifPresent(l -> log.info("Licence {} revoked: notice-commitment of case {} found false", l.number(),
					broken.caseId()));
	}

	/** What a situation does to a licence, by its code or name in the catalogue. */
	static Kind kindOf(String code, String name) {
		String c = code == null ? "" : code.toUpperCase(Locale.ROOT);
		String n = name == null ? "" : name;
		if (c.contains("CANCEL") || n.contains("注销")) {
			return Kind.CANCEL;
		}
		if (c.contains("REISSUE") || n.contains("补证") || n.contains("补办") || n.contains("补发") || n.contains("遗失")) {
			return Kind.REISSUE;
		}
		if (c.contains("RENEW") || c.contains("EXTEND") || n.contains("延续")) {
			return Kind.RENEW;
		}
		if (c.contains("CHANGE") || n.contains("变更")) {
			return Kind.CHANGE;
		}
		// periodic validation (校验) keeps the licence as it is
		if (c.contains("VALIDATE") || n.contains("校验")) {
			return Kind.NONE;
		}
		return Kind.NEW;
	}

	private void issue(CaseDecided d, GuideContent.Licence spec, Map<String, String> form) {
		Instant now = clock.instant();
		if (!store.claimCase(d.caseId().value(), "ISSUE", now)) {
			return;
		}
		LocalDate validFrom = LocalDate.ofInstant(d.decidedAt(), SHANGHAI);
		int year = validFrom.getYear();
		String pattern = spec.numberPattern();
		long seq = store.nextSequence(pattern, LicenceNumbers.hasYear(pattern) ? year : 0);
		String number = LicenceNumbers.format(pattern, year, seq);
		Applicant a = d.applicant();
		boolean person = a.kind() == Applicant.Kind.PERSON;
		String scope = nonBlank(form.get("scope"))
			.orElse(d.itemName() + (d.situationName() == null ? "" : "（" + d.situationName() + "）"));
		LocalDate validUntil = spec.validityYears() == null ? null
				: validFrom.plusYears(spec.validityYears()).minusDays(1);
		Licence l = new Licence(number, spec.name(), d.itemCode(), d.itemName(),
				person ? Licence.HolderKind.PERSON : Licence.HolderKind.ENTERPRISE, a.name(),
				person ? a.idType().name() : "USCC", person ? a.idNumber() : a.uscc(), a.owner(), scope, validFrom,
				validUntil, Licences.AUTHORITY, validFrom, d.caseId().value(), LicenceStatus.VALID,
				Licences.newCheckCode(), null, null, particulars(spec, form, List.of()));
		Licence signed = licences.sign(l);
		store.insert(signed, now);
		store.history(number, "ISSUE", "system", "准予许可：" + d.itemName(), d.caseId().value(), now);
		store.caseDone(d.caseId().value(), number);
		events.publishEvent(new LicenceCaseApplied(number, d.itemCode(), d.caseId(), "ISSUE"));
		log.info("Licence {} issued for case {}", number, d.caseId());
	}

	private void applyChange(CaseDecided d, Kind kind, GuideContent.Licence spec, Map<String, String> form) {
		Optional<String> number = nonBlank(form.get("licenceNumber"));
		Applicant a = d.applicant();
		String holderId = a.kind() == Applicant.Kind.PERSON ? a.idNumber() : a.uscc();
		Optional<Licence> target = number.flatMap(store::lock)
			.filter(l -> l.holderId().equals(holderId) && l.itemCode().equals(d.itemCode()));
		if (target.isEmpty()) {
			log.warn("Case {} ({}) names no licence of the same holder and item in licenceNumber; nothing changed",
					d.caseId(), kind);
			return;
		}
		Licence l = target.get();
		if (l.storedStatus() == LicenceStatus.REVOKED || l.storedStatus() == LicenceStatus.CANCELLED) {
			log.warn("Case {} ({}) names licence {} which is {}; nothing changed", d.caseId(), kind, l.number(),
					l.storedStatus());
			return;
		}
		Instant now = clock.instant();
		if (!store.claimCase(d.caseId().value(), kind.name(), now)) {
			return;
		}
		Licence changed = switch (kind) {
			case CHANGE -> l.withData(nonBlank(form.get("holderName")).orElse(l.holderName()),
					nonBlank(form.get("scope")).orElse(l.scope()), l.validUntil(), l.storedStatus(), l.checkCode(),
					particulars(spec, form, l.particulars()));
			case RENEW -> l.withData(l.holderName(), l.scope(),
					l.validUntil() == null || spec.validityYears() == null ? l.validUntil()
							: l.validUntil().plusYears(spec.validityYears()),
					l.storedStatus(), l.checkCode());
			case CANCEL -> l.withData(l.holderName(), l.scope(), l.validUntil(), LicenceStatus.CANCELLED, l.checkCode());
			case REISSUE -> l.withData(l.holderName(), l.scope(), l.validUntil(), l.storedStatus(),
					Licences.newCheckCode());
			case NEW, NONE -> throw new IllegalStateException();
		};
		store.update(licences.sign(changed), now);
		store.history(l.number(), kind.name(), "system", d.situationName(), d.caseId().value(), now,
				changes(l, changed));
		store.caseDone(d.caseId().value(), l.number());
		events.publishEvent(new LicenceCaseApplied(l.number(), d.itemCode(), d.caseId(), kind.name()));
		log.info("Licence {}: {} from case {}", l.number(), kind, d.caseId());
	}

	/**
	 * The particulars the guide names for the item's licence, from the form; on a change, what the form leaves
	 * blank keeps its value from {@code before} (a particular the guide no longer names is kept as it was).
	 */
	static List<Particular> particulars(GuideContent.Licence spec, Map<String, String> form, List<Particular> before) {
		List<Particular> out = new ArrayList<>();
		List<String> named = new ArrayList<>();
		for (GuideContent.Particular p : spec.particularsOrNone()) {
			named.add(p.field());
			Optional<String> old = before.stream().filter(b -> b.field().equals(p.field())).map(Particular::value)
				.findFirst();
			nonBlank(form.get(p.field())).or(() -> old)
				.ifPresent(v -> out.add(new Particular(p.field(), p.label().strip(), v)));
		}
		before.stream().filter(b -> !named.contains(b.field())).forEach(out::add);
		return out;
	}

	/** What a change did to the licence's data, each datum before and after. */
	static List<LicenceHistoryEntry.Change> changes(Licence before, Licence after) {
		List<LicenceHistoryEntry.Change> out = new ArrayList<>();
		diff(out, before.holderKind() == Licence.HolderKind.PERSON ? "持证人" : "单位名称", before.holderName(),
				after.holderName());
		diff(out, "许可范围", before.scope(), after.scope());
		Map<String, String[]> particulars = new LinkedHashMap<>();
		before.particulars().forEach(p -> particulars.computeIfAbsent(p.label(), k -> new String[2])[0] = p.value());
		after.particulars().forEach(p -> particulars.computeIfAbsent(p.label(), k -> new String[2])[1] = p.value());
		particulars.forEach((label, v) -> diff(out, label, v[0], v[1]));
		diff(out, "有效期至", until(before.validUntil()), until(after.validUntil()));
		diff(out, "状态", before.storedStatus().label(), after.storedStatus().label());
		if (!before.checkCode().equals(after.checkCode())) {
			out.add(new LicenceHistoryEntry.Change("核验码", "原核验码（已作废）", "新核验码"));
		}
		return out;
	}

	private static String until(LocalDate d) {
		return d == null ? "长期" : d.toString();
	}

	private static void diff(List<LicenceHistoryEntry.Change> out, String label, String before, String after) {
		if (!java.util.Objects.equals(before, after)) {
			out.add(new LicenceHistoryEntry.Change(label, before, after));
		}
	}

	private static Optional<String> nonBlank(String s) {
		return s == null || s.isBlank() ? Optional.empty() : Optional.of(s.strip());
	}
}
