package org.tongban.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.transaction.support.TransactionTemplate;
import org.tongban.identity.Organisation;
import org.tongban.shared.AuditTrail;

/** At first start every item file becomes published version 1 and the law list is loaded, exactly once. */
class LoadingTheCatalogueTests extends CatalogueIntegrationTest {

	@Autowired
	CatalogueLoader loader;

	@Test
	void everyItemFileIsPublishedAsVersionOneBySystem() {
		assertThat(catalogue.items(null, null, null)).hasSize(62);
		assertThat(catalogue.items(ItemType.LICENSING, null, null)).hasSize(30);
		assertThat(catalogue.items(ItemType.FILING, null, null)).hasSize(10);
		assertThat(catalogue.items(ItemType.PUBLIC_SERVICE, null, null)).hasSize(22);
		Guide guide = catalogue.version("PD-WJW-XK-005", 1).orElseThrow();
		assertThat(guide.status()).isEqualTo(GuideStatus.PUBLISHED);
		assertThat(guide.author()).isEqualTo("system");
		assertThat(jdbc.sql("SELECT count(*) FROM catalogue_guide_law WHERE item_code = 'PD-WJW-XK-002' AND version = 1")
				.query(Long.class).single()).isEqualTo(7);
		assertThat(catalogue.laws()).extracting(Law::id).contains("law-physicians", "reg-nurses");
	}

	@Test
	void theSeedNamedItemsArePresent() {
		List<String> names = catalogue.items(null, null, null).stream().map(ServiceItemSummary::name).toList();
		assertThat(names).contains("护士执业注册", "放射诊疗许可", "从事婚前医学检查的人员资格认定", "《独生子女父母光荣证》办理",
				"放射工作人员证发放", "妇女两病筛查", "涉及饮用水卫生安全产品卫生许可", "食品安全企业标准备案", "病媒生物预防控制服务机构备案",
				"外籍医师来华短期行医许可");
		assertThat(names).anyMatch(n -> n.startsWith("建设项目预防性卫生审核"));
		Guide radiology = catalogue.published("PD-WJW-XK-002").orElseThrow();
		assertThat(radiology.situation("NEW_INTERVENTIONAL").name()).contains("介入放射学");
		assertThat(radiology.legalBasis()).extracting(Guide.LegalBasis::name).contains("放射诊疗管理规定");
	}

	@Test
	void aRestartImportsNothingTwiceAndOverwritesNothing() throws Exception {
		long guides = jdbc.sql("SELECT count(*) FROM catalogue_guide").query(Long.class).single();
		long laws = jdbc.sql("SELECT count(*) FROM catalogue_law").query(Long.class).single();
		loader.run(null);
		assertThat(jdbc.sql("SELECT count(*) FROM catalogue_guide").query(Long.class).single()).isEqualTo(guides);
		assertThat(jdbc.sql("SELECT count(*) FROM catalogue_law").query(Long.class).single()).isEqualTo(laws);
	}

	@Test
	void aMalformedFileStopsStartUpNamingTheFile() {
		assertThatThrownBy(() -> CatalogueFiles.item("items/PD-WJW-XK-999.yml", yaml("code: [unclosed")))
				.hasMessageContaining("items/PD-WJW-XK-999.yml").hasMessageContaining("YAML");
		assertThatThrownBy(() -> CatalogueFiles.item("items/PD-WJW-XK-999.yml",
				yaml("code: PD-WJW-XK-999\nname: 测试\ntype: LICENSING\ndivision: BIOMED\n")))
				.hasMessageContaining("items/PD-WJW-XK-999.yml").hasMessageContaining("handlingUnit");
		assertThatThrownBy(() -> CatalogueFiles.item("items/PD-WJW-XK-999.yml", yaml(
				"code: PD-WJW-XK-999\nname: 测试\ntype: LICENSING\ndivision: BIOMED\nhandlingUnit: CDC\npromisedDays: abc\n")))
				.hasMessageContaining("items/PD-WJW-XK-999.yml");
	}

	@Test
	void anItemFileBreakingTheGuideRulesStopsStartUpNamingTheFile(@TempDir Path dir,
			@Autowired CatalogueStore store, @Autowired Organisation organisation,
			@Autowired ApplicationEventPublisher events, @Autowired AuditTrail audit,
			@Autowired TransactionTemplate tx, @Autowired GuideFileStore files,
			@Autowired tools.jackson.databind.json.JsonMapper json) throws Exception {
		Path source = Path.of("src/main/resources/data/catalogue");
		Files.createDirectories(dir.resolve("items"));
		Files.copy(source.resolve("laws.yml"), dir.resolve("laws.yml"));
		String item = Files.readString(source.resolve("items/PD-WJW-XK-001.yml"))
				.replace("promisedDays: 5", "promisedDays: 25");
		Files.writeString(dir.resolve("items/PD-WJW-XK-001.yml"), item);
		CatalogueLoader broken = new CatalogueLoader(store, organisation, events, audit, tx, files, json,
				"file:" + dir + "/");
		assertThatThrownBy(() -> broken.run(null)).hasMessageContaining("items/PD-WJW-XK-001.yml")
				.hasMessageContaining("不能超过法定时限");
	}

	@Test
	void aSeededVersionNobodyEditedFollowsItsChangedFileAsVersionTwoOnce(@TempDir Path dir,
			@Autowired CatalogueStore store, @Autowired Organisation organisation,
			@Autowired ApplicationEventPublisher events, @Autowired AuditTrail audit,
			@Autowired TransactionTemplate tx, @Autowired GuideFileStore files,
			@Autowired tools.jackson.databind.json.JsonMapper json) throws Exception {
		String code = "PD-WJW-GG-016";
		assertThat(store.versions(code)).hasSize(1);
		Path source = Path.of("src/main/resources/data/catalogue");
		Files.createDirectories(dir.resolve("items"));
		Files.copy(source.resolve("laws.yml"), dir.resolve("laws.yml"));
		try (var all = Files.list(source.resolve("items"))) {
			for (Path p : all.toList()) {
				Files.copy(p, dir.resolve("items").resolve(p.getFileName()));
			}
		}
		Path file = dir.resolve("items/" + code + ".yml");
		Files.writeString(file, Files.readString(file).replace("  label: 职工人数\n", "  label: 职工人数\n  hint: 含劳务派遣人员\n"));
		CatalogueLoader updating = new CatalogueLoader(store, organisation, events, audit, tx, files, json,
				"file:" + dir + "/");
		long guides = jdbc.sql("SELECT count(*) FROM catalogue_guide").query(Long.class).single();

		updating.run(null);
		Guide live = catalogue.published(code).orElseThrow();
		assertThat(live.version()).isEqualTo(2);
		assertThat(live.author()).isEqualTo("system");
		assertThat(live.form()).anyMatch(f -> "含劳务派遣人员".equals(f.hint()));
		assertThat(catalogue.version(code, 1).orElseThrow().status()).isEqualTo(GuideStatus.SUPERSEDED);
		// only that item: every other file equals its seeded version
		assertThat(jdbc.sql("SELECT count(*) FROM catalogue_guide").query(Long.class).single()).isEqualTo(guides + 1);

		// once an item has more than its seed, its file is not read over it again
		Files.writeString(file, Files.readString(file).replace("含劳务派遣人员", "不含劳务派遣人员"));
		updating.run(null);
		assertThat(catalogue.published(code).orElseThrow().version()).isEqualTo(2);
		assertThat(jdbc.sql("SELECT count(*) FROM catalogue_guide").query(Long.class).single()).isEqualTo(guides + 1);
	}

	@Test
	void publishedVersionsCannotBeChangedEvenInSql() {
		assertThatThrownBy(() -> jdbc.sql("UPDATE catalogue_guide SET content = '{}' WHERE item_code = 'PD-WJW-XK-005'"
				+ " AND version = 1").update()).hasMessageContaining("immutable");
	}

	private static ByteArrayResource yaml(String text) {
		return new ByteArrayResource(text.getBytes(StandardCharsets.UTF_8));
	}
}
