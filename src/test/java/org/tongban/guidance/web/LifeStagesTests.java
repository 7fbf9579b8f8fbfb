package org.tongban.guidance.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.tongban.catalogue.Catalogue;
import org.tongban.catalogue.ServiceItemSummary;

/** The portal's life stages and popular items point at real, published catalogue items. */
@SpringBootTest
@AutoConfigureMockMvc
class LifeStagesTests {

	@Autowired
	Catalogue catalogue;

	@Test
	void everyCodeInTheDataFileIsAPublishedCatalogueItem() {
		LifeStages stages = new LifeStages();
		Set<String> published = catalogue.items(null, null, null).stream().map(ServiceItemSummary::code)
			.collect(Collectors.toSet());
		assertThat(stages.stages()).extracting(LifeStages.Stage::name)
			.containsExactly("生育", "入学入托", "就业执业", "开办企业/开诊所", "养老", "身后事");
		assertThat(Stream.concat(stages.stages().stream().flatMap(s -> s.items().stream()), stages.popular().stream()))
			.isNotEmpty()
			.allSatisfy(code -> assertThat(published).as("published catalogue items").contains(code));
	}
}
