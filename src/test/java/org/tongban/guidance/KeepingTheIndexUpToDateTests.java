package org.tongban.guidance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.io.ClassPathResource;
import org.springframework.transaction.support.TransactionTemplate;
import org.yaml.snakeyaml.Yaml;

/** A republished guide changes what people find, and only its changed text is embedded again. */
@SpringBootTest
class KeepingTheIndexUpToDateTests {

	@Autowired
	GuideSearch search;

	@Autowired
	SearchDocuments store;

	@Autowired
	TransactionTemplate tx;

	@Test
	void republishingOneItemChangesResultsAndEmbedsOnlyTheNewText() throws Exception {
		search.awaitIdle(5, TimeUnit.MINUTES);
		String question = "考拉认证的育婴护理师";
		assertThat(search.search(question, 5)).extracting(SearchHit::code).doesNotContain("PD-WJW-GG-020");

		List<SearchDocument> docs = new ArrayList<>(CatalogueFeed.documents(item("PD-WJW-GG-020")));
		SearchDocument first = docs.get(0);
		docs.add(new SearchDocument(first.itemCode(), first.itemName(), first.itemType(), null, null,
				SearchDocument.Kind.FAQ, "考拉认证的育婴护理师可以上门服务吗？可以，家庭病床由考拉认证的育婴护理师上门。", List.of()));
		search.embedPending(); // whatever other tests left without a vector must not count here
		search.awaitIdle(1, TimeUnit.MINUTES);
		long before = search.passagesEmbedded();
		search.index("PD-WJW-GG-020", 2, docs);
		search.awaitIdle(1, TimeUnit.MINUTES);

		assertThat(search.search(question, 5).get(0).code()).isEqualTo("PD-WJW-GG-020");
		assertThat(search.passagesEmbedded() - before).as("passages embedded again").isEqualTo(1);
	}

	@Test
	void anOlderVersionArrivingLateIsIgnored() throws Exception {
		search.awaitIdle(5, TimeUnit.MINUTES);
		List<SearchDocument> docs = CatalogueFeed.documents(item("PD-WJW-GG-017"));
		search.index("PD-WJW-GG-017", 5, docs);
		search.index("PD-WJW-GG-017", 4, List.of(new SearchDocument("PD-WJW-GG-017", "旧名称", "PUBLIC_SERVICE", null, null,
				SearchDocument.Kind.ITEM, "旧名称", List.of())));
		search.awaitIdle(1, TimeUnit.MINUTES);
		assertThat(search.search("影像报告查询", 1).get(0).name()).isEqualTo("个人医学影像报告查询");
	}

	@Test
	void whatAnotherInstanceIndexedIsFoundHereAfterCatchingUp() throws Exception {
		String question = "企鹅纪念章兑换";
		// a search starts the periodic catch-up when one is due (every 30 s): let that one run now, so that the
		// search below cannot race a catch-up to the other instance's write
		search.search(question, 3);
		search.awaitIdle(5, TimeUnit.MINUTES);
		List<SearchDocument> docs = new ArrayList<>(CatalogueFeed.documents(item("PD-WJW-GG-012")));
		SearchDocument first = docs.get(0);
		docs.add(new SearchDocument(first.itemCode(), first.itemName(), first.itemType(), null, null,
				SearchDocument.Kind.FAQ, "企鹅纪念章可以兑换用血费用吗？不可以，只按献血量报销。", List.of()));
		// another instance behind the load balancer writes the store; this instance's memory knows nothing yet
		tx.executeWithoutResult(status -> store.replace("PD-WJW-GG-012", 3, docs, store.vectorsByHash("PD-WJW-GG-012")));
		assertThat(search.search(question, 3)).extracting(SearchHit::code).doesNotContain("PD-WJW-GG-012");

		search.catchUp();

		// found by BM25 at once; its vector is the writing instance's job
		assertThat(search.search(question, 3)).extracting(SearchHit::code).contains("PD-WJW-GG-012");
	}

	static Map<String, Object> item(String code) throws Exception {
		try (InputStream in = new ClassPathResource("data/catalogue/items/" + code + ".yml").getInputStream()) {
			return new Yaml().load(in);
		}
	}
}
