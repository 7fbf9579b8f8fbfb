package org.tongban.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An installation upgraded in place: its database holds every migration of an earlier release, and the new
 * release adds a module's migration numbered inside that module's range, below another module's newest one.
 * With the product's Flyway settings the upgrade applies it instead of refusing to start.
 */
@SpringBootTest
class UpgradingAnExistingDatabaseTests {

	private static final String SCHEMA = "upgrade_probe";

	@Autowired
	DataSource dataSource;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Environment env;

	@Test
	void aModulesNewMigrationBelowAnotherModulesNewestIsAppliedOnUpgrade() throws IOException {
		Path earlier = Files.createTempDirectory("earlier-release");
		List<String> later = List.of("V84__", "V86__", "V87__", "V88__", "V89__");
		for (Resource r : new PathMatchingResourcePatternResolver().getResources("classpath:db/migration/*.sql")) {
			String name = r.getFilename();
			if (later.stream().noneMatch(name::startsWith)) {
				try (var in = r.getInputStream()) {
					Files.copy(in, earlier.resolve(name));
				}
			}
		}
		jdbc.sql("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE").update();
		try {
			Flyway.configure().dataSource(dataSource).schemas(SCHEMA).locations("filesystem:" + earlier).load().migrate();
			Flyway upgrade = Flyway.configure().dataSource(dataSource).schemas(SCHEMA).locations("classpath:db/migration")
				.outOfOrder(env.getProperty("spring.flyway.out-of-order", Boolean.class, false)).load();
			upgrade.migrate();
			upgrade.validate();
			assertThat(Stream.of(upgrade.info().applied()).map(MigrationInfo::getScript))
				.contains("V84__cases_drop_submission_baseline.sql", "V86__cases_time_limit_rules.sql",
					"V89__cases_paper_materials.sql");
			assertThat(jdbc.sql("SELECT count(*) FROM information_schema.columns WHERE table_schema = ? AND table_name = "
					+ "'cases_case' AND column_name = 'limits_provisional'").param(SCHEMA).query(Long.class).single())
				.isEqualTo(1);
		}
		finally {
			jdbc.sql("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE").update();
			try (var files = Files.list(earlier)) {
				files.forEach(f -> f.toFile().delete());
			}
			Files.delete(earlier);
		}
	}
}
