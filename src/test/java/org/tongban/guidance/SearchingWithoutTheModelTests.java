package org.tongban.guidance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

/** When the embedding model cannot load, search still answers from BM25 and the synonym list. */
class SearchingWithoutTheModelTests {

	@Test
	void aModelThatFailsToLoadLeavesKeywordSearchWorking() throws Exception {
		Embedder broken = new Embedder(() -> {
			throw new UnsatisfiedLinkError("no onnxruntime for this platform");
		});
		assertThat(broken.load()).isFalse();
		assertThat(broken.query("健康证")).isNull();

		Synonyms synonyms;
		try (var in = new ClassPathResource("data/guidance/synonyms.txt").getInputStream()) {
			synonyms = Synonyms.load(in);
		}
		try (SearchEngine engine = new SearchEngine(synonyms)) {
			List<Passage> passages = new ArrayList<>();
			long id = 1;
			for (String code : List.of("PD-WJW-GG-010", "PD-WJW-XK-001", "PD-WJW-XK-027", "PD-WJW-BA-003")) {
				for (SearchDocument d : CatalogueFeed.documents(KeepingTheIndexUpToDateTests.item(code))) {
					passages.add(new Passage(id++, d, null));
				}
			}
			engine.load(passages);
			assertThat(engine.search("健康证在哪里办", broken.query("健康证在哪里办"), 3).get(0).code()).isEqualTo("PD-WJW-GG-010");
			assertThat(engine.search("开牙科诊所要办什么证", null, 3).get(0).code()).isEqualTo("PD-WJW-XK-027");
		}
	}
}
