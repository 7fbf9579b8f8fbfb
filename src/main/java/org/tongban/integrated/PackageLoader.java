package org.tongban.integrated;

import java.util.List;
import java.util.Map;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.tongban.shared.AuditTrail;
import org.tongban.shared.FieldMessage;
import tools.jackson.databind.json.JsonMapper;

/**
 * Imports the package files as published version 1, once (after the catalogue, whose items they name): a package
 * already in the database is never read over again, so edits survive restarts. Every file is checked on every
 * start, and a bad one stops it.
 */
@Component
@Order(10)
class PackageLoader implements ApplicationRunner {

	private static final Log log = LogFactory.getLog(PackageLoader.class);

	private final PackageStore store;
	private final IndustryPackages packages;
	private final AuditTrail audit;
	private final TransactionTemplate tx;
	private final JsonMapper json;
	private final String location;

	PackageLoader(PackageStore store, IndustryPackages packages, AuditTrail audit, TransactionTemplate tx,
			JsonMapper json,
			@Value("${tongban.integrated.data-location:" + PackageFiles.LOCATION + "}") String location) {
		this.store = store;
		this.packages = packages;
		this.audit = audit;
		this.tx = tx;
		this.json = json;
		this.location = location;
	}

	@Override
	public void run(ApplicationArguments args) {
		List<PackageFiles.PackageFile> files = PackageFiles.read(location, json);
		for (PackageFiles.PackageFile file : files) {
			List<FieldMessage> errors = packages.check(file.content());
			if (!errors.isEmpty()) {
				throw new IllegalStateException(
						"一业一证行业文件 " + file.file() + " 有误：" + PackageRules.describe(errors));
			}
		}
		tx.executeWithoutResult(status -> {
			store.lockForLoading();
			int imported = 0;
			for (PackageFiles.PackageFile file : files) {
				IndustryPackage p = file.content();
				if (store.exists(p.code())) {
					continue;
				}
				store.insertPackage(p.code(), p.name(), p.division(), 1);
				store.insertVersion(p.code(), 1, PackageStatus.PUBLISHED, p, "system", "system");
				audit.recordAs("system", "integrated.package.imported", "integrated.package", p.code() + "/v1", null,
						Map.of("file", file.file(), "version", 1, "status", PackageStatus.PUBLISHED.name()));
				imported++;
			}
			if (imported > 0) {
				log.info("Integrated: imported " + imported + " industry packages");
			}
		});
	}
}
