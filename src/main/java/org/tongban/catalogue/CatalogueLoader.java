package org.tongban.catalogue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.tongban.identity.Organisation;
import org.tongban.shared.AuditTrail;
import org.tongban.shared.FieldMessage;

/**
 * Imports the item files as published version 1 (author "system") and the law list, once: laws already in the
 * database are never read over again, nor is an item anyone has worked on, so edits and status changes survive
 * restarts; a file added later is imported on the next start. An item whose only version is the seeded version 1
 * (never edited, no draft, no review flag) follows a changed file: the file is published as version 2 by "system"
 * (a published version is immutable, and cases keep the version they were started under). Every file is checked
 * on every start, and a bad one stops it.
 */
@Component
@Order(0)
class CatalogueLoader implements ApplicationRunner {

	private static final Log log = LogFactory.getLog(CatalogueLoader.class);

	private final CatalogueStore store;
	private final Organisation organisation;
	private final ApplicationEventPublisher events;
	private final AuditTrail audit;
	private final TransactionTemplate tx;
	private final String location;
	private final GuideFileStore files;
	private final tools.jackson.databind.json.JsonMapper json;

	CatalogueLoader(CatalogueStore store, Organisation organisation, ApplicationEventPublisher events,
			AuditTrail audit, TransactionTemplate tx, GuideFileStore files, tools.jackson.databind.json.JsonMapper json,
			@Value("${tongban.catalogue.data-location:" + CatalogueFiles.LOCATION + "}") String location) {
		this.files = files;
		this.json = json;
		this.store = store;
		this.organisation = organisation;
		this.events = events;
		this.audit = audit;
		this.tx = tx;
		this.location = location;
	}

	@Override
	public void run(ApplicationArguments args) {
		List<Law> laws = CatalogueFiles.laws(location);
		List<CatalogueFiles.ItemFile> items = CatalogueFiles.items(location);
		check(laws, items);
		tx.executeWithoutResult(status -> {
			store.lockForLoading();
			int newLaws = 0;
			for (Law law : laws) {
				newLaws += store.insertLawIfMissing(law) ? 1 : 0;
			}
			List<String> imported = new ArrayList<>();
			List<String> refreshed = new ArrayList<>();
			for (CatalogueFiles.ItemFile item : items) {
				if (!store.itemExists(item.code())) {
					importItem(item);
					imported.add(item.code());
				}
				else if (refreshSeed(item)) {
					refreshed.add(item.code());
				}
			}
			if (newLaws > 0 || !imported.isEmpty()) {
				log.info("Catalogue: imported " + newLaws + " laws and " + imported.size() + " service items");
			}
			if (!refreshed.isEmpty()) {
				log.info("Catalogue: published the changed files of " + refreshed.size() + " never-edited seeded items"
						+ " as version 2: " + refreshed);
			}
		});
	}

	private void importItem(CatalogueFiles.ItemFile item) {
		store.insertItem(item.code(), item.content().name(), item.type(), item.division(), item.handlingUnit(), 1);
		store.insertGuide(item.code(), 1, GuideStatus.PUBLISHED, item.content(), "system", "system");
		events.publishEvent(new GuidePublished(item.code(), 1));
		audit.recordAs("system", "catalogue.guide.imported", "catalogue.guide", item.code() + "/v1", null,
				Map.of("file", item.file(), "version", 1, "status", GuideStatus.PUBLISHED.name()));
	}

	/**
	 * Publishes the file as version 2 when the item has only its seeded version 1 and the file has changed since:
	 * that version 1 is an older seed, as published versions cannot change and only this loader writes as "system".
	 */
	private boolean refreshSeed(CatalogueFiles.ItemFile item) {
		CatalogueStore.Item stored = store.itemForUpdate(item.code()).orElseThrow();
		List<CatalogueStore.Row> versions = store.versions(item.code());
		if (stored.needsReview() || stored.publishedVersion() != 1 || versions.size() != 1) {
			return false;
		}
		CatalogueStore.Row seeded = versions.get(0);
		if (seeded.version() != 1 || seeded.status() != GuideStatus.PUBLISHED || !"system".equals(seeded.author())
				|| json.valueToTree(seeded.content()).equals(json.valueToTree(item.content()))) {
			return false;
		}
		store.changeStatus(item.code(), 1, GuideStatus.SUPERSEDED, null, null);
		store.insertGuide(item.code(), 2, GuideStatus.PUBLISHED, item.content(), "system", "system");
		store.markPublished(item.code(), 2, item.content().name());
		files.copy(item.code(), 1, 2);
		events.publishEvent(new GuidePublished(item.code(), 2));
		audit.recordAs("system", "catalogue.guide.imported", "catalogue.guide", item.code() + "/v2",
				Map.of("version", 1), Map.of("file", item.file(), "version", 2, "status", GuideStatus.PUBLISHED.name(),
						"superseded", 1));
		return true;
	}

	/** Files are checked with the rules drafts are checked with, plus what only a file can get wrong. */
	private void check(List<Law> laws, List<CatalogueFiles.ItemFile> items) {
		Set<String> lawIds = laws.stream().map(Law::id).collect(Collectors.toSet());
		for (CatalogueFiles.ItemFile item : items) {
			List<FieldMessage> errors = new ArrayList<>(GuideRules.check(item.content(), lawIds));
			if (organisation.byCode(item.division()).isEmpty()) {
				errors.add(new FieldMessage("division", "未知的处室代码 " + item.division()));
			}
			if (organisation.byCode(item.handlingUnit()).isEmpty()) {
				errors.add(new FieldMessage("handlingUnit", "未知的单位代码 " + item.handlingUnit()));
			}
			if (!errors.isEmpty()) {
				throw new CatalogueFiles.MalformedFile(item.file(), errors.stream()
						.map(e -> e.field() + ": " + e.message()).collect(Collectors.joining("；")), null);
			}
		}
	}
}
