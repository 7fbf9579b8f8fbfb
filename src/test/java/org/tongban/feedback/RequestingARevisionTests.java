package org.tongban.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;

/**
 * Staff turn a cluster into action: the item's division starts a guide revision (a catalogue draft whose audit names
 * the cluster), a lead division reports on a reform task; others are refused — citizens 403, a division whose unit
 * has no complaint in the cluster 404, those who see it but do not own the item 403. The item here,
 * 卫生许可事项 PD-WJW-XK-020 of 生物医药处, is one no other test drafts.
 */
class RequestingARevisionTests extends FeedbackIntegrationTest {

	static final String REVISED = "PD-WJW-XK-020";

	@Autowired
	Complaints complaints;

	@Test
	void theItemsDivisionRevisesTheGuideAndOthersAreRefused() throws Exception {
		UUID source = UUID.randomUUID();
		complaints.receive(new Complaint(Complaint.Kind.TICKET, source, "指南里的申请表是老版本，交上去说要用新表，新表网上找不到<b>！</b>",
				REVISED, "BIOMED", Instant.now(clock)));
		UUID cluster = jdbc.sql("SELECT cluster_id FROM feedback_complaint WHERE source_id = ?").param(source)
			.query(UUID.class).single();

		// who sees it
		mvc.perform(get("/api/feedback/clusters").with(basic("biomed"))).andExpect(status().isOk())
			.andExpect(jsonPath("$[?(@.id == '" + cluster + "')].items[0].itemCode").value(REVISED));
		mvc.perform(get("/api/feedback/clusters/{id}", cluster).with(basic("leader"))).andExpect(status().isOk())
			.andExpect(jsonPath("$.samples[0].text").value(org.hamcrest.Matchers.containsString("<b>")));
		mvc.perform(get("/api/feedback/clusters/{id}", cluster).with(basic("clerk"))).andExpect(status().isOk());
		mvc.perform(get("/api/feedback/clusters").with(basic("citizen"))).andExpect(status().isForbidden());
		// 医政处's staff: no complaint of theirs in it, so it does not exist for them; nor can they revise
		mvc.perform(get("/api/feedback/clusters/{id}", cluster).with(basic("medadmin"))).andExpect(status().isNotFound());
		revision("medadmin", cluster, "{}").andExpect(status().isNotFound());
		mvc.perform(get("/api/feedback/clusters/{id}", UUID.randomUUID()).with(basic("leader")))
			.andExpect(status().isNotFound());

		// the page escapes what people wrote
		String page = mvc.perform(get("/feedback/clusters/{id}", cluster).with(basic("biomed"))).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		assertThat(page).contains("&lt;b&gt;").doesNotContain("新表网上找不到<b>");

		// refusals
		revision("citizen", cluster, "{}").andExpect(status().isForbidden());
		revision("approver", cluster, "{}").andExpect(status().isForbidden())
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("所属处室")));
		revision("leader", cluster, "{}").andExpect(status().isForbidden());
		revision("biomed", cluster, "{\"itemCode\": \"PD-WJW-XK-001\"}").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("itemCode"));

		// the division's staff: a draft of the item, the cluster named in the audit, the action on the cluster
		revision("biomed", cluster, "{\"note\": \"补充新版申请表下载链接\"}").andExpect(status().isCreated())
			.andExpect(jsonPath("$.kind").value("REVISION")).andExpect(jsonPath("$.itemCode").value(REVISED));
		Integer draft = jdbc.sql("SELECT max(version) FROM catalogue_guide WHERE item_code = ? AND status = 'DRAFT'")
			.param(REVISED).query(Integer.class).single();
		assertThat(draft).isNotNull();
		org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).until(() -> jdbc.sql(
				"SELECT count(*) FROM identity_audit_entry WHERE action = 'catalogue.guide.draft-created'"
						+ " AND subject_id = ? AND CAST(after_state AS text) LIKE ?")
			.params(REVISED + "/v" + draft, "%" + cluster + "%").query(Long.class).single() == 1);
		mvc.perform(get("/api/feedback/clusters/{id}", cluster).with(basic("leader")))
			.andExpect(jsonPath("$.actions[0].guideVersion").value(draft));
		// a second one while the draft is open: the catalogue's conflict
		revision("biomed", cluster, "{}").andExpect(status().isConflict());

		// a reform report: the lead division (生物医药处 leads task 5) may, a leader may not
		int progress = Math.max(1, Math.min(99, jdbc.sql("SELECT progress FROM reform_task WHERE no = 5").query(Integer.class).single()));
		String body = "{\"taskNo\": 5, \"text\": \"已据群众反映修订申请表\", \"progress\": " + progress + ", \"status\": \"IN_PROGRESS\"}";
		mvc.perform(post("/api/feedback/clusters/{id}/actions/report", cluster).with(basic("leader"))
			.contentType(MediaType.APPLICATION_JSON).content(body)).andExpect(status().isForbidden());
		mvc.perform(post("/api/feedback/clusters/{id}/actions/report", cluster).with(basic("biomed"))
			.contentType(MediaType.APPLICATION_JSON).content("{\"taskNo\": 5}")).andExpect(status().isBadRequest());
		mvc.perform(post("/api/feedback/clusters/{id}/actions/report", cluster).with(basic("biomed"))
			.contentType(MediaType.APPLICATION_JSON).content(body)).andExpect(status().isCreated())
			.andExpect(jsonPath("$.taskNo").value(5));
		assertThat(jdbc.sql("SELECT text FROM reform_report WHERE id = (SELECT report_id FROM feedback_cluster_action"
				+ " WHERE cluster_id = ? AND kind = 'REPORT')").param(cluster).query(String.class).single())
			.contains("已据群众反映修订申请表", cluster.toString());
	}

	ResultActions revision(String user, UUID cluster, String body) throws Exception {
		return mvc.perform(post("/api/feedback/clusters/{id}/actions/revision", cluster).with(basic(user))
			.contentType(MediaType.APPLICATION_JSON).content(body));
	}
}
