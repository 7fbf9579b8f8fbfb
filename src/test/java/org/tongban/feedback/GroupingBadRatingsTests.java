package org.tongban.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A bad rating with words becomes a complaint in its cluster in the rating's transaction; a similar one joins it, a
 * different one does not; a rating changed to a good one leaves, a changed text is placed again; a 办不成事 ticket
 * is received the same way; the nightly regrouping keeps a cluster's id.
 */
class GroupingBadRatingsTests extends FeedbackIntegrationTest {

	@Autowired
	Complaints complaints;

	@Autowired
	ClusterRegrouping regrouping;

	@Test
	void badRatingsWithWordsAreGroupedAndChangedRatingsMove() throws Exception {
		// the suite shares one database: tickets other tests filed about the same item would join these clusters
		// (as they should), so this test counts members from an empty start
		jdbc.sql("DELETE FROM feedback_complaint").update();
		jdbc.sql("DELETE FROM feedback_cluster_action").update();
		jdbc.sql("DELETE FROM feedback_cluster").update();
		String first = granted();
		rate("citizen", first, rating("DECISION", 1, "\"指引不清\"", "护士执业注册上传的证件照被退回三次了，照片要求也不写清楚"))
			.andExpect(status().isCreated());
		UUID firstRating = ratingId(first);
		UUID cluster = clusterOf(firstRating);
		assertThat(cluster).isNotNull();
		assertThat(jdbc.sql("SELECT unit || ' ' || item_code FROM feedback_complaint WHERE source_id = ?").param(firstRating)
			.query(String.class).single()).isEqualTo("BIOMED " + ITEM);

		String second = granted();
		rate("citizen", second, rating("DECISION", 2, "\"指引不清\"", "护士注册的照片一直审核不通过，能不能一次说清楚照片的要求"))
			.andExpect(status().isCreated());
		assertThat(clusterOf(ratingId(second))).isEqualTo(cluster);
		assertThat(size(cluster)).isEqualTo(2);

		// a rating without words, or a satisfied one, is no complaint
		String third = granted();
		rate("citizen", third, rating("DECISION", 1, "\"态度差\"", null)).andExpect(status().isCreated());
		assertThat(jdbc.sql("SELECT count(*) FROM feedback_complaint WHERE source_id = ?").param(ratingId(third))
			.query(Long.class).single()).isZero();

		// the second applicant changes the words: placed again, elsewhere
		rate("citizen", second, rating("DECISION", 2, "\"态度差\"", "窗口工作人员态度很差，问两句就不耐烦")).andExpect(status().isOk());
		assertThat(clusterOf(ratingId(second))).isNotEqualTo(cluster);
		assertThat(size(cluster)).isEqualTo(1);

		// and then is satisfied after all: the complaint is withdrawn
		rate("citizen", second, rating("DECISION", 5, "\"办事便捷\"", "后来很快办好了")).andExpect(status().isOk());
		assertThat(jdbc.sql("SELECT count(*) FROM feedback_complaint WHERE source_id = ?").param(ratingId(second))
			.query(Long.class).single()).isZero();

		// a 办不成事 ticket about the same problem, filed as people file it, joins the same cluster
		String filed = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/api/feedback/tickets")
				.with(basic("citizen")).contentType(org.springframework.http.MediaType.APPLICATION_JSON)
				.content("{\"text\": \"办护士执业注册，照片尺寸要求写得不明白，上传了好几次都说不合格\", \"itemCode\": \"" + ITEM + "\"}"))
			.andExpect(status().isCreated())
			.andReturn().getResponse().getContentAsString();
		UUID ticket = UUID.fromString(filed.replaceAll("(?s).*?\"id\":\"([0-9a-f-]{36})\".*", "$1"));
		assertThat(jdbc.sql("SELECT cluster_id FROM feedback_complaint WHERE kind = 'TICKET' AND source_id = ?").param(ticket)
			.query(UUID.class).single()).isEqualTo(cluster);
		assertThat(size(cluster)).isEqualTo(2);
		assertThat(jdbc.sql("SELECT label FROM feedback_cluster WHERE id = ?").param(cluster).query(String.class).single())
			.contains("照片");

		// the nightly regrouping keeps the cluster (same members, same id)
		regrouping.regroup();
		assertThat(clusterOf(firstRating)).isEqualTo(cluster);
		assertThat(size(cluster)).isEqualTo(2);

		complaints.withdraw(Complaint.Kind.TICKET, ticket);
		assertThat(size(cluster)).isEqualTo(1);
	}

	UUID ratingId(String caseId) {
		return jdbc.sql("SELECT id FROM feedback_rating WHERE case_id = ? AND stage = 'DECISION'")
			.param(UUID.fromString(caseId)).query(UUID.class).single();
	}

	UUID clusterOf(UUID ratingId) {
		return jdbc.sql("SELECT cluster_id FROM feedback_complaint WHERE kind = 'RATING' AND source_id = ?").param(ratingId)
			.query(UUID.class).single();
	}

	int size(UUID cluster) {
		return jdbc.sql("SELECT size FROM feedback_cluster WHERE id = ?").param(cluster).query(Integer.class).single();
	}
}
