package org.tongban.guidance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.io.ClassPathResource;
import org.tongban.catalogue.Catalogue;
import org.tongban.catalogue.Guide;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.output.Response;
import tools.jackson.databind.json.JsonMapper;

/**
 * The build ships the vectors of the bundled catalogue: every passage the catalogue feed indexes for an
 * unedited bundled guide finds its vector in the jar, and a model other than the one they were built with
 * does not use them.
 */
@SpringBootTest
class ShippingTheCatalogueVectorsTests {

	@Autowired
	Catalogue catalogue;

	@Autowired
	JsonMapper json;

	@Autowired
	Embedder embedder;

	@Autowired
	GuideSearch search;

	@Test
	@SuppressWarnings("unchecked")
	void everyPassageOfTheBundledCatalogueHasAShippedVectorOfTheLoadedModel() throws Exception {
		search.awaitIdle(5, TimeUnit.MINUTES);
		assertThat(embedder.ready()).isTrue();
		Map<String, float[]> shipped = ShippedVectors.forModel(embedder);
		assertThat(shipped).hasSizeGreaterThan(500);
		int checked = 0;
		for (var item : catalogue.items(null, null, null)) {
			// version 1 is the bundled text; later versions are edits, embedded at run time
			Guide g = catalogue.version(item.code(), 1).orElseThrow();
			Map<String, Object> shape = new LinkedHashMap<>(json.convertValue(g.content(), Map.class));
			shape.put("code", g.code());
			shape.put("type", g.type().name());
			for (SearchDocument d : CatalogueFeed.documents(shape)) {
				String hash = HexFormat.of().formatHex(SearchDocuments.hash(d.embeddingText()));
				assertThat(shipped).as("shipped vector of %s %s", g.code(), d.embeddingText()).containsKey(hash);
				float[] now = embedder.probe(d.embeddingText());
				if (checked++ % 50 == 0) {
					double cos = 0;
					for (int i = 0; i < now.length; i++) {
						cos += now[i] * shipped.get(hash)[i];
					}
					assertThat(cos).isGreaterThan(0.9999);
				}
			}
		}
		assertThat(checked).isGreaterThan(500);
	}

	@Test
	void vectorsOfAnotherModelAreNotUsed() throws Exception {
		EmbeddingModel other = new EmbeddingModel() {
			@Override
			public Response<List<Embedding>> embedAll(List<TextSegment> segments) {
				float[] v = new float[512];
				v[7] = 1;
				return Response.from(segments.stream().map(s -> Embedding.from(v)).toList());
			}
		};
		Embedder otherEmbedder = new Embedder(() -> other);
		assertThat(otherEmbedder.load()).isTrue();
		assertThat(ShippedVectors.forModel(otherEmbedder)).isEmpty();
		try (var in = new ClassPathResource(ShippedVectors.RESOURCE).getInputStream()) {
			assertThat(ShippedVectors.read(in).model).startsWith("bge-small-zh-v15-q ");
		}
	}
}
