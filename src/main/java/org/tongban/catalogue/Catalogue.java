package org.tongban.catalogue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongban.catalogue.GuideContent.Channels;
import org.tongban.identity.OrgUnit;
import org.tongban.identity.Organisation;
import org.tongban.shared.Problem;
import tools.jackson.databind.json.JsonMapper;

/** Reads the catalogue: the lists, published guides and any version of them, the laws. Read by every module. */
@Service
@Transactional(readOnly = true)
public class Catalogue {

	private final CatalogueStore store;
	private final GuideFileStore guideFiles;
	private final Organisation organisation;
	private final JsonMapper json;
	/**
	 * The row of each item's live version, parsed. A version does not change while it is live (publishing
	 * another moves the item's {@code published_version}, which every read checks first), so the cache is
	 * never stale, on this instance or another: it only saves reading and parsing the same JSON per application.
	 */
	private final Map<String, CatalogueStore.Row> live = new ConcurrentHashMap<>();

	Catalogue(CatalogueStore store, GuideFileStore guideFiles, Organisation organisation, JsonMapper json) {
		this.store = store;
		this.guideFiles = guideFiles;
		this.organisation = organisation;
		this.json = json;
	}

	/** Items with a published guide, by code; every filter is optional, {@code query} matches name, code, keywords. */
	public List<ServiceItemSummary> items(ItemType type, String division, String query) {
		return store.list(type, division, query).stream().map(e -> summary(e.getKey(), e.getValue())).toList();
	}

	/** The live guide of an item. */
	public Optional<Guide> published(String code) {
		return store.itemWithLiveCitations(code)
				.flatMap(live -> liveRow(live.getKey()).map(r -> guide(live.getKey(), r, live.getValue())));
	}

	private Optional<CatalogueStore.Row> liveRow(CatalogueStore.Item item) {
		CatalogueStore.Row known = live.get(item.code());
		if (known != null && known.version() == item.publishedVersion()) {
			return Optional.of(known);
		}
		Optional<CatalogueStore.Row> row = store.guide(item.code(), item.publishedVersion());
		row.filter(r -> r.status() == GuideStatus.PUBLISHED).ifPresent(r -> live.put(item.code(), r));
		return row;
	}

	/** Any version, whatever its status; callers showing drafts to the public must check {@link Guide#status()}. */
	public Optional<Guide> version(String code, int version) {
		return store.item(code).flatMap(item -> store.guide(code, version).map(r -> guide(item, r)));
	}

	/** Every version of an item, newest first. */
	public List<Guide> versions(String code) {
		CatalogueStore.Item item = store.item(code).orElseThrow(() -> unknown(code));
		return store.versions(code).stream().map(r -> guide(item, r)).toList();
	}

	/** Versions waiting for a reviewer, oldest submission first. */
	public List<Guide> inReview() {
		return store.inReview().stream().map(r -> guide(store.item(r.code()).orElseThrow(), r)).toList();
	}

	/** Drafts being worked on, most recently changed first. */
	public List<Guide> drafts() {
		return store.drafts().stream().map(r -> guide(store.item(r.code()).orElseThrow(), r)).toList();
	}

	/** Field-by-field changes from one version to another. */
	public GuideDiff diff(String code, int from, int to) {
		CatalogueStore.Row a = store.guide(code, from).orElseThrow(() -> unknownVersion(code, from));
		CatalogueStore.Row b = store.guide(code, to).orElseThrow(() -> unknownVersion(code, to));
		return new GuideDiff(code, from, to, GuideDiffer.diff(a.content(), b.content(), json),
				GuideFiles.changes(guideFiles.files(code, from), guideFiles.files(code, to)));
	}

	public List<Law> laws() {
		return store.laws();
	}

	static Problem unknown(String code) {
		return Problem.notFound("未找到事项编码为“" + code + "”的政务服务事项。");
	}

	static Problem unknownVersion(String code, int version) {
		return Problem.notFound("事项“" + code + "”没有第 " + version + " 版办事指南。");
	}

	Guide guide(CatalogueStore.Item item, CatalogueStore.Row row) {
		GuideContent c = row.content();
		return guide(item, row, c.legalBasis() == null ? List.of()
				: store.laws(c.legalBasis().stream().map(GuideContent.Citation::law).distinct().toList()));
	}

	/** A guide from its item, one version's row and the laws that version cites. */
	private Guide guide(CatalogueStore.Item item, CatalogueStore.Row row, List<Law> cited) {
		GuideContent c = row.content();
		Map<String, Law> laws = cited.stream().collect(Collectors.toMap(Law::id, Function.identity(), (a, b) -> a));
		List<Guide.LegalBasis> basis = c.legalBasis() == null ? List.of() : c.legalBasis().stream().map(b -> {
			Law law = laws.get(b.law());
			return new Guide.LegalBasis(b.law(), law == null ? b.law() : law.name(), law == null ? null : law.status(),
					b.article());
		}).toList();
		return new Guide(item.code(), c.name(), item.type(), item.type().label(), row.version(), row.status(),
				row.status().label(), item.division(), unitName(item.division()), item.handlingUnit(),
				unitName(item.handlingUnit()), c.powersListEntry(), basis, c.statutoryDays(),
				c.promisedDays() == null ? 0 : c.promisedDays(), Boolean.TRUE.equals(c.immediate()), c.fee(),
				c.channels(), c.noticeCommitment(), list(c.keywords()), list(c.situationQuestions()),
				list(c.situations()), list(c.processSteps()), list(c.faqs()), c.licence(), c.retentionYears(),
				c.timeLimits(), list(c.form()), row.author(), row.reviewer(), row.rejectReason(), row.updatedAt(), row.publishedAt());
	}

	private ServiceItemSummary summary(CatalogueStore.Item item, GuideContent c) {
		Channels channels = c.channels();
		return new ServiceItemSummary(item.code(), item.name(), item.type(), item.type().label(), item.division(),
				unitName(item.division()), item.handlingUnit(), unitName(item.handlingUnit()), item.publishedVersion(),
				item.needsReview(), item.reviewReason(), c.statutoryDays(),
				c.promisedDays() == null ? 0 : c.promisedDays(), Boolean.TRUE.equals(c.immediate()), c.fee(),
				channels != null && Boolean.TRUE.equals(channels.online()));
	}

	private String unitName(String code) {
		return organisation.byCode(code).map(OrgUnit::name).orElse(code);
	}

	private static <T> List<T> list(List<T> list) {
		return list == null ? List.of() : list;
	}
}
