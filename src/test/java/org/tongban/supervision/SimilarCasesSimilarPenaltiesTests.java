package org.tongban.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/**
 * 同案同罚 (国办发〔2022〕27号 part 三: 类案同罚、过罚相当): once 5 decisions of the same violation and circumstance exist, a
 * fine outside Tukey's fences (Q1 − 1.5 × IQR, Q3 + 1.5 × IQR) is flagged on the case and listed for the institute.
 */
class SimilarCasesSimilarPenaltiesTests extends PenaltyCaseTest {

	/** A violation and circumstance no other test decides: its comparable decisions are this test's alone. */
	private static final String VIOLATION = "DW-STAFF-HEALTH";
	private static final String CIRCUMSTANCE = "SERIOUS";

	@Test
	void quartilesAndFencesAreComputedByTheStatedRule() {
		// 500, 600, 600, 700, 800: Q1 600, median 600, Q3 700, IQR 100, fences 450 and 850
		SimilarCases.Comparison c = SimilarCases.compare(860, List.of(500L, 600L, 600L, 700L, 800L));
		assertThat(c.q1()).isEqualTo(600.0);
		assertThat(c.median()).isEqualTo(600.0);
		assertThat(c.q3()).isEqualTo(700.0);
		assertThat(c.lowerFence()).isEqualTo(450.0);
		assertThat(c.upperFence()).isEqualTo(850.0);
		assertThat(c.flagged()).isTrue();
		assertThat(SimilarCases.compare(850, List.of(500L, 600L, 600L, 700L, 800L)).flagged()).isFalse();
		assertThat(SimilarCases.compare(449, List.of(500L, 600L, 600L, 700L, 800L)).flagged()).isTrue();
		// fewer than 5 comparable decisions: nothing to compare with, never flagged
		assertThat(SimilarCases.compare(100_000, List.of(500L, 600L, 600L, 700L))).satisfies(few -> {
			assertThat(few.flagged()).isFalse();
			assertThat(few.comparable()).isEqualTo(4);
			assertThat(few.median()).isNull();
		});
	}

	@Test
	void aFineFarFromTheOthersIsFlaggedOnTheCaseAndInTheOutlierList() throws Exception {
		jdbc.sql("DELETE FROM supervision_penalty_review WHERE case_id IN (SELECT id FROM supervision_penalty_case "
				+ "WHERE violation = ? AND circumstance = ?)").params(VIOLATION, CIRCUMSTANCE).update();
		jdbc.sql("DELETE FROM supervision_penalty_case WHERE violation = ? AND circumstance = ?")
			.params(VIOLATION, CIRCUMSTANCE).update();
		for (long fine : new long[] {550, 600, 600, 650, 700}) {
			decided(fine, null);
		}
		// within the baseline (500–800 yuan) but far above the others: flagged, not refused
		String far = open("inspector", "DRINKING_WATER");
		JsonNode proposed = expect(propose("inspector", far, VIOLATION, CIRCUMSTANCE, 800L, null, "FINE"), 200);
		assertThat(proposed.get("similarCases").get("comparable").asInt()).isEqualTo(5);
		assertThat(proposed.get("similarCases").get("flagged").asBoolean()).isTrue();
		expect(decide("supervisor", far), 200);
		String near = decided(620, null);

		JsonNode outliers = expect(read("supervisor", "/api/supervision/penalty-outliers"), 200);
		assertThat(outliers).extracting(o -> o.get("id").asString()).contains(far).doesNotContain(near);
		assertThat(expect(read("supervisor", "/api/supervision/penalties/" + near), 200).get("similarCases").get("flagged")
			.asBoolean()).isFalse();
		String page = mvc.perform(get("/supervision/penalties/" + far).with(basic("supervisor"))).andReturn().getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).contains("同案不同罚提示");
		assertThat(mvc.perform(get("/supervision/penalties").with(basic("supervisor"))).andReturn().getResponse()
			.getContentAsString(StandardCharsets.UTF_8)).contains("同案不同罚提示");
		// inspectors do not read the institute's list
		assertThat(read("inspector", "/api/supervision/penalty-outliers").getStatus()).isEqualTo(403);
	}

	private String decided(long fine, String reason) throws Exception {
		String id = open("inspector", "DRINKING_WATER");
		expect(propose("inspector", id, VIOLATION, CIRCUMSTANCE, fine, reason, "FINE"), 200);
		expect(decide("supervisor", id), 200);
		return id;
	}
}
