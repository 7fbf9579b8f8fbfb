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
 * Imports the item files as published version 1 (author "system") and the law list, once: items and laws
 * already in the database are never read over again, so edits and status changes survive restarts; a file
 * added later is imported on the next start. Every file is checked on every start, and a bad one stops it.
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

	CatalogueLoader(CatalogueStore store, Organisation organisation, ApplicationEventPublisher events,
			AuditTrail audit, TransactionTemplate tx,
			@Value("${tongban.catalogue.data-location:" + CatalogueFiles.LOCATION + "}") String location) {
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
			for (CatalogueFiles.ItemFile item : items) {
				if (!store.itemExists(item.code())) {
					importItem(item);
					imported.add(item.code());
				}
			}
			if (newLaws > 0 || !imported.isEmpty()) {
				log.info("Catalogue: imported " + newLaws + " laws and " + imported.size() + " service items");
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
