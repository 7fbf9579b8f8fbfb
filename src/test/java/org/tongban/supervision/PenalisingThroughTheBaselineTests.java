package org.tongban.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;

/**
 * Penalties through the discretion baseline (《行政处罚法》第三十四条; 国办发〔2022〕27号): inside the range a decision
 * needs no review; outside it needs a written reason and legal review (《行政处罚法》第五十八条); beyond the law it is
 * refused. Major decisions (the 重大执法决定法制审核目录 in configuration) wait for legal review (国办发〔2018〕118号
 * part 四) by a designated reviewer who is not the handler; the decision is made by a planner other than the handler
 * (《行政处罚法》第五十七条) and becomes a PENALTY credit event.
 */
class PenalisingThroughTheBaselineTests extends PenaltyCaseTest {

	@Autowired
	DiscretionBaseline baseline;

	@Test
	void theBaselineIsDataWithArticlesForEveryCircumstanceAndSaysItAwaitsLegalCheck() throws Exception {
		JsonNode b = expect(read("inspector", "/api/supervision/discretion-baseline"), 200);
		assertThat(b.get("reviewed").asBoolean()).isFalse();
		JsonNode v = b.get("violations").get("PP-HEALTH-CERT");
		assertThat(v.get("penaltyBasis").asString()).contains("《公共场所卫生管理条例实施细则》第三十八条");
		assertThat(v.get("ranges").get("GENERAL").get("fineMin").asLong()).isEqualTo(1500);
		assertThat(v.get("ranges").get("GENERAL").get("fineMax").asLong()).isEqualTo(5000);
		baseline.current().violations().values().forEach(violation -> {
			assertThat(violation.violated()).as(violation.code()).startsWith("《");
			assertThat(violation.penaltyBasis()).as(violation.code()).contains("第");
			assertThat(violation.ranges()).as(violation.code()).hasSize(4);
		});
		assertThat(baseline.current().violations().get("MED-BEYOND-SCOPE").note()).contains("须核对");
		String page = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
			.get("/supervision/discretion-baseline").with(basic("inspector"))).andReturn().getResponse()
			.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		assertThat(page).contains("id=\"unreviewed\"", "尚未经法制审核人员核对", "《公共场所卫生管理条例实施细则》第三十八条",
				"1500–5000");
		assertThat(baseline.current().violations().values()).extracting(DiscretionBaseline.Violation::sector)
			.contains(Sector.PUBLIC_PLACE, Sector.MEDICAL, Sector.MEDICAL_BEAUTY, Sector.DRINKING_WATER, Sector.DISINFECTION,
					Sector.OCCUPATIONAL);
	}

	@Test
	void insideTheRangeTheHandlerProposesAndAPlannerDecidesWithoutReviewAndTheEntityIsRegraded() throws Exception {
		String id = open("inspector", "PUBLIC_PLACE");
		JsonNode proposed = expect(propose("inspector", id, "PP-HEALTH-CERT", "GENERAL", 3000L, null, "WARNING", "FINE"), 200);
		assertThat(proposed.get("status").asString()).isEqualTo("PROPOSED");
		assertThat(proposed.get("reviewRequired").asBoolean()).isFalse();
		assertThat(strings(proposed.get("allowedActions"))).containsExactly("propose");
		String uscc = proposed.get("uscc").asString();
		String creditBefore = expect(read("supervisor", "/api/supervision/entities/" + uscc), 200).get("creditGrade").asString();

		JsonNode decided = expect(decide("supervisor", id), 200);

		assertThat(decided.get("status").asString()).isEqualTo("DECIDED");
		assertThat(decided.get("decision").asString()).isEqualTo("警告；罚款人民币 3000 元");
		assertThat(strings(decided.get("allowedActions"))).containsExactly("publish");
		assertThat(jdbc.sql("SELECT kind FROM supervision_credit_event WHERE source_ref = ?").param("penalty:" + id)
			.query(String.class).single()).isEqualTo("PENALTY");
		JsonNode entity = expect(read("supervisor", "/api/supervision/entities/" + uscc), 200);
		assertThat(creditBefore).isEqualTo("A");
		assertThat(entity.get("creditGrade").asString()).isEqualTo("B");
		// the full-process record: every step with its person and the SM3 of its document, chained and intact
		assertThat(decided.get("record")).extracting(s -> s.get("step").asString())
			.containsExactly("OPENED", "PROPOSED", "DECIDED");
		assertThat(decided.get("record").get(1).get("actor").asString()).isEqualTo("inspector");
		assertThat(decided.get("record").get(2).get("actor").asString()).isEqualTo("supervisor");
		assertThat(decided.get("record").get(1).get("evidenceSm3").asString()).hasSize(64);
		assertThat(decided.get("recordIntact").get("intact").asBoolean()).isTrue();
		// a second decision is a wrong step: 409 naming what the step allows
		JsonNode again = expect(decide("supervisor", id), 409);
		assertThat(strings(again.get("allowedActions"))).containsExactly("publish");
		// the same decision entered again by hand as a credit event would count it twice: refused, nothing recorded
		String number = decided.get("decisionNumber").asString();
		JsonNode twice = expect(call("supervisor", "/api/supervision/entities/" + uscc + "/credit-events",
				"{\"kind\": \"PENALTY\", \"occurredOn\": \"" + clock.today() + "\", \"note\": \"" + number + "\"}"), 400);
		assertThat(twice.get("errors").get(0).get("message").asString()).contains("已自动记入信用记录");
		assertThat(jdbc.sql("SELECT count(*) FROM supervision_credit_event WHERE uscc = ? AND kind = 'PENALTY'").param(uscc)
			.query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void outsideTheRangeWithoutAWrittenReasonIsRefused() throws Exception {
		String id = open("inspector", "PUBLIC_PLACE");
		JsonNode refused = expect(propose("inspector", id, "PP-HEALTH-CERT", "GENERAL", 8000L, null, "WARNING", "FINE"), 400);
		assertThat(fields(refused)).containsExactly("departureReason");
		assertThat(refused.get("detail").asString()).contains("1500–5000");
		// beyond the law (第三十八条: at most 15,000 yuan) no reason helps
		JsonNode unlawful = expect(propose("inspector", id, "PP-HEALTH-CERT", "SEVERE", 20000L, "情节特别恶劣", "WARNING",
				"FINE"), 400);
		assertThat(fields(unlawful)).containsExactly("fine");
		assertThat(unlawful.get("errors").get(0).get("message").asString()).contains("法定上限 15000 元");
		// a measure the penalty article does not have
		assertThat(fields(expect(propose("inspector", id, "PP-HEALTH-CERT", "SEVERE", 12000L, null, "WARNING", "FINE",
				"REVOCATION"), 400))).containsExactly("measures");
		// unknown violation, circumstance and a fine without the measure: each named
		assertThat(fields(expect(propose("inspector", id, "NO-SUCH", "HUGE", 100L, null, "WARNING"), 400)))
			.contains("violation", "circumstance", "fine");
		assertThat(expect(read("inspector", "/api/supervision/penalties/" + id), 200).get("status").asString())
			.isEqualTo("OPENED");
	}

	@Test
	void outsideTheRangeWithAReasonWaitsForLegalReviewBeforeTheDecision() throws Exception {
		String id = open("inspector", "PUBLIC_PLACE");
		JsonNode proposed = expect(propose("inspector", id, "PP-HEALTH-CERT", "GENERAL", 1000L,
				"当事人主动消除违法行为危害后果，依《行政处罚法》第三十二条从轻处罚", "WARNING", "FINE"), 200);
		assertThat(proposed.get("status").asString()).isEqualTo("IN_REVIEW");
		assertThat(proposed.get("departures").get(0).asString()).contains("基准幅度 1500–5000");

		JsonNode blocked = expect(decide("supervisor", id), 409);
		assertThat(strings(blocked.get("allowedActions"))).containsExactly("review");

		JsonNode approved = expect(review("legal", id, "APPROVE"), 200);
		assertThat(approved.get("status").asString()).isEqualTo("APPROVED");
		assertThat(approved.get("reviews").get(0).get("reviewer").asString()).isEqualTo("legal");
		assertThat(expect(decide("supervisor", id), 200).get("status").asString()).isEqualTo("DECIDED");
	}

	@Test
	void aMajorDecisionWaitsForReviewAndAReturnedOneIsRevised() throws Exception {
		String id = open("inspector", "MEDICAL");
		// inside the baseline, but 40,000 yuan is a major decision (≥ 10,000 yuan in application.yml)
		JsonNode proposed = expect(propose("inspector", id, "MED-BEYOND-SCOPE", "GENERAL", 40000L, null, "WARNING", "FINE"), 200);
		assertThat(proposed.get("status").asString()).isEqualTo("IN_REVIEW");
		assertThat(proposed.get("departures")).isEmpty();
		assertThat(proposed.get("majorReasons").get(0).asString()).contains("重大执法决定");
		expect(decide("supervisor", id), 409);

		JsonNode returned = expect(review("legal", id, "RETURN"), 200);
		assertThat(returned.get("status").asString()).isEqualTo("RETURNED");
		assertThat(strings(expect(decide("supervisor", id), 409).get("allowedActions"))).containsExactly("propose");

		// the revised proposal goes back to review; a licence suspension is major whatever the fine
		JsonNode revised = expect(propose("inspector", id, "MED-BEYOND-SCOPE", "SEVERE", 90000L, null, "WARNING", "FINE",
				"SUSPENSION"), 200);
		assertThat(revised.get("status").asString()).isEqualTo("IN_REVIEW");
		assertThat(revised.get("majorReasons")).extracting(JsonNode::asString)
			.anySatisfy(r -> assertThat(r).contains("责令停产停业"));
		expect(review("legal", id, "APPROVE"), 200);
		JsonNode decided = expect(decide("supervisor", id), 200);
		assertThat(decided.get("record")).extracting(s -> s.get("step").asString())
			.containsExactly("OPENED", "PROPOSED", "REVIEWED", "PROPOSED", "REVIEWED", "DECIDED");
	}

	@Test
	void onlyADesignatedReviewerWhoIsNotTheHandlerReviews() throws Exception {
		// the demo reviewer opens a case of their own: they may not review it
		String own = open("legal", "MEDICAL");
		expect(propose("legal", own, "MED-BEYOND-SCOPE", "GENERAL", 40000L, null, "WARNING", "FINE"), 200);
		JsonNode refused = expect(review("legal", own, "APPROVE"), 403);
		assertThat(refused.get("detail").asString()).contains("本人承办");
		// a planner who is not designated may not review
		assertThat(expect(review("supervisor", own, "APPROVE"), 403).get("detail").asString()).contains("指定的法制审核人员");
		// once designated (by API), they may; the designation is listed, and removing it takes the right away
		String planner = secondPlanner();
		expect(call("supervisor", "/api/supervision/legal-reviewers", "{\"username\": \"" + planner + "\"}"), 201);
		assertThat(expect(read("supervisor", "/api/supervision/legal-reviewers"), 200))
			.extracting(r -> r.get("username").asString()).contains("legal", planner);
		expect(mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
			.delete("/api/supervision/legal-reviewers/" + planner).with(basic("supervisor"))).andReturn().getResponse(), 204);
		assertThat(mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(
				"/api/supervision/penalties/" + own + "/review").with(org.springframework.security.test.web.servlet.request
					.SecurityMockMvcRequestPostProcessors.httpBasic(planner, "Planner-check-2026!"))
			.contentType(org.springframework.http.MediaType.APPLICATION_JSON)
			.content("{\"outcome\": \"APPROVE\", \"opinion\": \"同意\"}")).andReturn().getResponse().getStatus()).isEqualTo(403);
		// an inspector cannot be designated
		assertThat(fields(expect(call("supervisor", "/api/supervision/legal-reviewers", "{\"username\": \"inspector\"}"), 400)))
			.containsExactly("username");
		// the handler (a planner here) does not decide their own case either
		String mine = open("supervisor", "PUBLIC_PLACE");
		expect(propose("supervisor", mine, "PP-HEALTH-CERT", "MINOR", 800L, null, "WARNING", "FINE"), 200);
		assertThat(expect(decide("supervisor", mine), 403).get("detail").asString()).contains("第五十七条");
	}

	@Test
	void inspectorsAndEnterprisesCannotDecideAndAnInspectorSeesOnlyTheirOwnCases() throws Exception {
		String id = open("inspector", "PUBLIC_PLACE");
		expect(propose("inspector", id, "PP-HEALTH-CERT", "GENERAL", 3000L, null, "WARNING", "FINE"), 200);
		assertThat(decide("inspector", id).getStatus()).isEqualTo(403);
		assertThat(decide("enterprise", id).getStatus()).isEqualTo(403);
		assertThat(review("inspector", id, "APPROVE").getStatus()).isEqualTo(403);
		assertThat(call("inspector", "/api/supervision/penalties/" + id + "/publication", "").getStatus()).isEqualTo(403);
		assertThat(read("enterprise", "/api/supervision/penalties/" + id).getStatus()).isEqualTo(403);
		// by duty: another inspector's case is not found, and they cannot propose in it
		assertThat(read("inspector2", "/api/supervision/penalties/" + id).getStatus()).isEqualTo(404);
		assertThat(propose("inspector2", id, "PP-HEALTH-CERT", "GENERAL", 3000L, null, "WARNING", "FINE").getStatus())
			.isEqualTo(404);
		assertThat(expect(read("inspector2", "/api/supervision/penalties"), 200)).extracting(c -> c.get("id").asString())
			.doesNotContain(id);
		assertThat(expect(read("inspector", "/api/supervision/penalties"), 200)).extracting(c -> c.get("id").asString())
			.contains(id);
		// a planner reads it, but only the handler proposes
		assertThat(read("supervisor", "/api/supervision/penalties/" + id).getStatus()).isEqualTo(200);
		assertThat(propose("supervisor", id, "PP-HEALTH-CERT", "GENERAL", 3000L, null, "WARNING", "FINE").getStatus())
			.isEqualTo(403);
	}

	@Test
	void aCaseIsOpenedOnlyAgainstARegisteredEntityAndItsOwnInspection() throws Exception {
		JsonNode refused = expect(call("inspector", "/api/supervision/penalties", """
				{"uscc": "91310115MA1K3Y4N2X", "inspectionId": "00000000-0000-0000-0000-000000000001", "summary": ""}"""),
				400);
		assertThat(fields(refused)).contains("uscc", "summary");
		String uscc = newUscc();
		register(uscc, "MEDICAL");
		assertThat(fields(expect(call("inspector", "/api/supervision/penalties", """
				{"uscc": "%s", "inspectionId": "00000000-0000-0000-0000-000000000001", "summary": "投诉举报"}"""
			.formatted(uscc)), 400))).containsExactly("inspectionId");
	}
}
