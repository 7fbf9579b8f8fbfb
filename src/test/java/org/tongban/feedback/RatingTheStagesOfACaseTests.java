package org.tongban.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/**
 * 好差评 per stage (国办发〔2019〕51号: every stage of a case may be rated on the five national levels): one rating
 * per stage, the staff member who handled it and their unit recorded; changeable within the period only; a
 * stage that has not happened, another's case and bad input are refused.
 */
class RatingTheStagesOfACaseTests extends FeedbackIntegrationTest {

	@Test
	void eachStageIsRatedOnceWithWhoHandledItAndAChangeKeepsTheHistory() throws Exception {
		String id = granted();
		rate("citizen", id, rating("ACCEPTANCE", 5, "\"办事便捷\", \"态度热情\"", "窗口很耐心")).andExpect(status().isCreated())
			.andExpect(jsonPath("$.levelLabel").value("非常满意"))
			.andExpect(jsonPath("$.staff").value("李窗口（受理）"))
			.andExpect(jsonPath("$.unit").value("APPROVAL_CENTRE"));
		rate("citizen", id, rating("REVIEW", 4, "\"一次办成\"", null)).andExpect(status().isCreated())
			.andExpect(jsonPath("$.staff").value("陈审批")).andExpect(jsonPath("$.unit").value("BIOMED"));
		rate("citizen", id, rating("DECISION", 3, "\"等待较久\"", null)).andExpect(status().isCreated())
			.andExpect(jsonPath("$.staff").value("林审批")).andExpect(jsonPath("$.levelLabel").value("基本满意"));
		rate("citizen", id, rating("COMPLETION", 5, "", null)).andExpect(status().isCreated());
		// an online case has no window visit to rate
		rate("citizen", id, rating("WINDOW", 5, "", null)).andExpect(status().isConflict())
			.andExpect(jsonPath("$.status").value("GRANTED"));

		// the same stage again is a change of the one rating, not a second one
		rate("citizen", id, rating("ACCEPTANCE", 4, "\"办理快捷\"", null)).andExpect(status().isOk())
			.andExpect(jsonPath("$.levelLabel").value("满意"));
		assertThat(count("SELECT count(*) FROM feedback_rating WHERE case_id = ?::uuid AND stage = 'ACCEPTANCE'", id)).isEqualTo(1);
		assertThat(count("""
				SELECT count(*) FROM feedback_rating_version v JOIN feedback_rating r ON r.id = v.rating_id
				WHERE r.case_id = ?::uuid AND r.stage = 'ACCEPTANCE'""", id)).isEqualTo(2);
		mvc.perform(get("/api/cases/{id}/ratings", id).with(basic("citizen"))).andExpect(status().isOk())
			.andExpect(jsonPath("$", hasSize(4)));
		// good and fair ratings open no rectification
		assertThat(count("SELECT count(*) FROM feedback_rectification WHERE case_id = ?::uuid", id)).isZero();
	}

	@Test
	void aWindowVisitIsRatedWithTheClerkWhoTookTheApplication() throws Exception {
		String id = submittedAtTheWindow();
		rate("citizen", id, rating("WINDOW", 5, "\"态度热情\"", null)).andExpect(status().isCreated())
			.andExpect(jsonPath("$.stageLabel").value("窗口服务"))
			.andExpect(jsonPath("$.staff").value("李窗口（受理）"))
			.andExpect(jsonPath("$.unit").value("APPROVAL_CENTRE"));
		rate("citizen", id, rating("ACCEPTANCE", 5, "", null)).andExpect(status().isConflict());
	}

	@Test
	void aStageThatHasNotHappenedIsAConflictNamingTheCasesState() throws Exception {
		String id = submitted();
		rate("citizen", id, rating("ACCEPTANCE", 5, "", null)).andExpect(status().isConflict())
			.andExpect(jsonPath("$.status").value("SUBMITTED"))
			.andExpect(jsonPath("$.detail", containsString("待受理")));
		act("clerk", id, "accept");
		rate("citizen", id, rating("ACCEPTANCE", 5, "", null)).andExpect(status().isCreated());
		rate("citizen", id, rating("DECISION", 5, "", null)).andExpect(status().isConflict())
			.andExpect(jsonPath("$.status").value("UNDER_REVIEW"));
	}

	@Test
	void anotherPersonsCaseIsNotFoundForEveryoneButItsApplicant() throws Exception {
		String id = accepted();
		String body = rating("ACCEPTANCE", 1, "\"态度差\"", null);
		// another applicant, and staff — even those whose duty covers the case — cannot rate it
		for (String other : new String[] {"enterprise", "approver", "clerk", "leader"}) {
			rate(other, id, body).andExpect(status().isNotFound());
		}
		rate("citizen", UUID.randomUUID().toString(), body).andExpect(status().isNotFound());
		mvc.perform(post("/api/cases/{id}/ratings", id).contentType(MediaType.APPLICATION_JSON).content(body))
			.andExpect(status().isUnauthorized());
		mvc.perform(get("/api/cases/{id}/ratings", id).with(basic("enterprise"))).andExpect(status().isNotFound());
		assertThat(count("SELECT count(*) FROM feedback_rating WHERE case_id = ?::uuid", id)).isZero();
	}

	@Test
	void badInputIsRefusedFieldByField() throws Exception {
		String id = accepted();
		rate("citizen", id, rating("ACCEPTANCE", 5, "", "好".repeat(501))).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("text"));
		rate("citizen", id, rating("ACCEPTANCE", 5, "", "好".repeat(500))).andExpect(status().isCreated());
		rate("citizen", id, rating("ACCEPTANCE", 6, "", null)).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("level"));
		rate("citizen", id, rating("LUNCH", 5, "", null)).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("stage"));
		// a tag of a bad rating on a good one
		rate("citizen", id, rating("ACCEPTANCE", 5, "\"态度差\"", null)).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("tags"));
	}

	@Test
	void textIsStoredAsTypedAndEscapedOnThePage() throws Exception {
		String id = accepted();
		String typed = "<script>alert(1)</script> & 很好";
		rate("citizen", id, rating("ACCEPTANCE", 5, "", typed.replace("\"", "\\\""))).andExpect(status().isCreated())
			.andExpect(jsonPath("$.text").value(typed));
		mvc.perform(get("/cases/{id}/ratings", id).with(basic("citizen"))).andExpect(status().isOk())
			.andExpect(content().string(containsString("&lt;script&gt;alert(1)&lt;/script&gt; &amp; 很好")))
			.andExpect(content().string(not(containsString("<script>alert"))));
	}

	@Test
	void aRatingMayBeChangedWithinSevenDaysAndNotAfter() throws Exception {
		clock.travelTo(LocalDate.of(2026, 6, 15));
		String id = accepted();
		rate("citizen", id, rating("ACCEPTANCE", 2, "\"指引不清\"", null)).andExpect(status().isCreated());
		clock.travelTo(LocalDate.of(2026, 6, 22).atTime(9, 0));
		rate("citizen", id, rating("ACCEPTANCE", 4, "\"一次办成\"", null)).andExpect(status().isOk());
		clock.travelTo(LocalDate.of(2026, 6, 22).atTime(10, 30));
		rate("citizen", id, rating("ACCEPTANCE", 5, "", null)).andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail", containsString("7 日内修改")));
		mvc.perform(get("/api/cases/{id}/ratings", id).with(basic("citizen"))).andExpect(jsonPath("$[0].level").value(4));
	}

	long count(String sql, String id) {
		return jdbc.sql(sql).param(id).query(Long.class).single();
	}
}
