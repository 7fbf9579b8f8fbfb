package org.tongban.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;

/** Staff edit a draft in the browser, reviewers find it in their queue; citizens read the published pages. */
class EditingThroughThePagesTests extends CatalogueIntegrationTest {

	static final String CODE = "PD-WJW-XK-015";

	@Test
	void anyoneReadsTheListsAndAnItemsGuide() throws Exception {
		mvc.perform(get("/catalogue/public-service")).andExpect(status().isOk())
				.andExpect(content().string(containsString("公共服务事项清单")))
				.andExpect(content().string(containsString("妇女两病筛查")))
				.andExpect(content().string(containsString("/api/catalogue/lists/public-service.xlsx")));
		mvc.perform(get("/catalogue/filing")).andExpect(status().isOk())
				.andExpect(content().string(containsString("病媒生物预防控制服务机构备案")));
		mvc.perform(get("/catalogue/items/PD-WJW-XK-002")).andExpect(status().isOk())
				.andExpect(content().string(containsString("介入放射学")))
				.andExpect(content().string(containsString("复印件")))
				.andExpect(content().string(containsString("免提交（")))
				.andExpect(content().string(containsString("20 个工作日")))
				.andExpect(content().string(containsString("《放射诊疗管理规定》")));
		mvc.perform(get("/catalogue/editing")).andExpect(status().is3xxRedirection());
		mvc.perform(get("/catalogue/editing").with(as("citizen"))).andExpect(status().isForbidden());
	}

	@Test
	void aDraftIsEditedWithFieldErrorsInChineseThenReviewedFromTheQueue() throws Exception {
		mvc.perform(post("/catalogue/editing/" + CODE + "/drafts").with(as("biomed")).with(csrf()))
				.andExpect(redirectedUrl("/catalogue/editing/" + CODE + "/2"));
		String page = mvc.perform(get("/catalogue/editing/" + CODE + "/2").with(as("biomed")))
				.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(page).contains("保存草稿").contains("&quot;situations&quot;");
		String body = write(catalogue.version(CODE, 2).orElseThrow().content());

		mvc.perform(post("/catalogue/editing/" + CODE + "/2").with(as("biomed")).with(csrf())
				.param("name", "港澳台服务提供者独资医疗机构设置审批").param("statutoryDays", "20")
				.param("promisedDays", "30").param("fee", "不收费").param("retentionYears", "30")
				.param("content", body))
				.andExpect(status().isBadRequest())
				.andExpect(content().string(containsString("承诺时限（30 个工作日）不能超过法定时限（20 个工作日）。")));
		mvc.perform(post("/catalogue/editing/" + CODE + "/2").with(as("biomed")).with(csrf())
				.param("name", "港澳台服务提供者独资医疗机构设置审批").param("statutoryDays", "20")
				.param("promisedDays", "12").param("fee", "不收费").param("retentionYears", "30")
				.param("content", "{not json"))
				.andExpect(status().isBadRequest())
				.andExpect(content().string(containsString("不是有效的 JSON")));
		mvc.perform(post("/catalogue/editing/" + CODE + "/2").with(as("biomed")).with(csrf())
				.param("name", "港澳台服务提供者独资医疗机构设置审批").param("statutoryDays", "20")
				.param("promisedDays", "12").param("fee", "不收费").param("retentionYears", "30")
				.param("content", body))
				.andExpect(redirectedUrl("/catalogue/editing/" + CODE + "/2"));
		mvc.perform(post("/catalogue/editing/" + CODE + "/2/submit").with(as("biomed")).with(csrf()))
				.andExpect(status().is3xxRedirection());

		mvc.perform(get("/catalogue/editing").with(as("leader"))).andExpect(status().isOk())
				.andExpect(content().string(containsString(CODE)));
		mvc.perform(get("/catalogue/editing/" + CODE + "/2").with(as("biomed")))
				.andExpect(content().string(not(containsString("审核通过并发布"))));
		mvc.perform(post("/catalogue/editing/" + CODE + "/2/publish").with(as("leader")).with(csrf()))
				.andExpect(redirectedUrl("/catalogue/editing/" + CODE));
		mvc.perform(get("/catalogue/editing/" + CODE).with(as("biomed"))).andExpect(status().isOk())
				.andExpect(content().string(containsString("已被取代")));
		mvc.perform(get("/catalogue/editing/" + CODE + "/diff").param("from", "1").param("to", "2").with(as("biomed")))
				.andExpect(status().isOk()).andExpect(content().string(containsString("promisedDays")));
		assertThat(catalogue.published(CODE).orElseThrow().promisedDays()).isEqualTo(12);
	}
}
