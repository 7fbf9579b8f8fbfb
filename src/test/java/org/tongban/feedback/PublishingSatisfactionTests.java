package org.tongban.feedback;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

/**
 * Satisfaction published without personal data (no names, numbers, logins, case ids or texts), per item, unit
 * and channel; staff read the ratings of their scope with who served.
 */
class PublishingSatisfactionTests extends FeedbackIntegrationTest {

	@Test
	void thePublicSeesRatesWithoutPersonalData() throws Exception {
		String id = granted();
		rate("citizen", id, rating("ACCEPTANCE", 5, "", "私人备注文字")).andExpect(status().isCreated());
		rate("citizen", id, rating("DECISION", 2, "\"超时办理\"", null)).andExpect(status().isCreated());
		String json = mvc.perform(get("/api/public/satisfaction")).andExpect(status().isOk())
			.andExpect(jsonPath("$.definition", containsString("5、4 级")))
			.andExpect(jsonPath("$.byItem[?(@.key == '" + ITEM + "')].ratings").value(Matchers.hasItem(Matchers.greaterThanOrEqualTo(2))))
			.andExpect(jsonPath("$.byChannel[?(@.key == 'ONLINE')].name").value(Matchers.hasItem("网上办理")))
			.andExpect(jsonPath("$.byUnit[?(@.key == 'BIOMED')].name").value(Matchers.hasItem("生物医药处")))
			.andExpect(jsonPath("$.overall.openRectifications").value(Matchers.greaterThanOrEqualTo(1)))
			.andReturn().getResponse().getContentAsString();
		for (String personal : new String[] {"张三", "310115198503151230", "citizen", "陈审批", "林审批", "approver", id,
				"私人备注文字", "13800000000"}) {
			org.assertj.core.api.Assertions.assertThat(json).doesNotContain(personal);
		}
		mvc.perform(get("/satisfaction")).andExpect(status().isOk())
			.andExpect(content().string(containsString("满意率")))
			.andExpect(content().string(not(containsString("张三"))))
			.andExpect(content().string(not(containsString("私人备注文字"))));
	}

	@Test
	void theCockpitLoadsTheKeyFiguresForStaff() throws Exception {
		mvc.perform(get("/reform").with(basic("leader"))).andExpect(status().isOk())
			.andExpect(content().string(containsString("hx-get=\"/feedback/cockpit\"")));
		mvc.perform(get("/feedback/cockpit").with(basic("leader"))).andExpect(status().isOk())
			.andExpect(content().string(containsString("总体满意率")))
			.andExpect(content().string(containsString("id=\"cockpit-overdue\"")));
		mvc.perform(get("/feedback/cockpit").with(basic("citizen"))).andExpect(status().isForbidden());
	}

	@Test
	void staffReadRatingsOfTheirScope() throws Exception {
		String id = granted();
		rate("citizen", id, rating("REVIEW", 4, "\"一次办成\"", null)).andExpect(status().isCreated());
		mvc.perform(get("/api/feedback/ratings").param("item", ITEM).with(basic("biomed"))).andExpect(status().isOk())
			.andExpect(jsonPath("$.scope").value("BIOMED"))
			.andExpect(jsonPath("$.ratings[?(@.caseId == '" + id + "')].rating.staff").value(Matchers.hasItem("陈审批")))
			.andExpect(jsonPath("$.byStaff[?(@.key == 'approver')].name").value(Matchers.hasItem("陈审批")));
		// another division asking for this one's unit still sees only its own
		mvc.perform(get("/api/feedback/ratings").param("unit", "BIOMED").with(basic("medadmin"))).andExpect(status().isOk())
			.andExpect(jsonPath("$.scope").value("MEDADMIN"))
			.andExpect(jsonPath("$.ratings[?(@.caseId == '" + id + "')]").isEmpty());
		mvc.perform(get("/api/feedback/ratings").with(basic("leader"))).andExpect(status().isOk());
		mvc.perform(get("/api/feedback/ratings").with(basic("citizen"))).andExpect(status().isForbidden());
		mvc.perform(get("/api/feedback/ratings").with(basic("admin"))).andExpect(status().isForbidden());
		mvc.perform(get("/api/feedback/ratings")).andExpect(status().isUnauthorized());
	}
}
