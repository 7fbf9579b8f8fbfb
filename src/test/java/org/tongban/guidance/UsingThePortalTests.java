package org.tongban.guidance;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/** The citizen portal's front door: the home page for everyone, and the search results page. */
@SpringBootTest
@AutoConfigureMockMvc
class UsingThePortalTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	GuideSearch search;

	@Autowired
	UserDetailsService users;

	@BeforeEach
	void indexed() throws Exception {
		search.awaitIdle(5, TimeUnit.MINUTES);
	}

	@Test
	void anAnonymousVisitorSeesTheSearchBoxLifeStagesTypesAndPopularItems() throws Exception {
		mvc.perform(get("/"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(
					containsString("<label for=\"q\">搜索办事事项</label>"),
					containsString("action=\"/search\""),
					containsString("按人生阶段办事"),
					containsString("生育"), containsString("入学入托"), containsString("就业执业"),
					containsString("开办企业/开诊所"), containsString("养老"), containsString("身后事"),
					containsString("href=\"/catalogue/licensing\""), containsString("href=\"/catalogue/filing\""),
					containsString("href=\"/catalogue/public-service\""),
					containsString("热门事项"),
					containsString("href=\"/catalogue/items/PD-WJW-XK-001\""),
					containsString("《独生子女父母光荣证》办理"),
					containsString("妇女两病筛查"))))
			.andExpect(content().string(not(containsString("进入驾驶舱"))));
	}

	@Test
	void signedInStaffStillFindTheirCockpitBelowThePortal() throws Exception {
		mvc.perform(get("/").with(user(users.loadUserByUsername("leader"))))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("搜索办事事项"), containsString("改革任务驾驶舱"),
					containsString("href=\"/reform\""))));
	}

	@Test
	void aQuestionInEverydayWordsFindsTheDentalClinicLicence() throws Exception {
		mvc.perform(get("/search").param("q", "开牙科诊所要办什么证"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(
					containsString("value=\"开牙科诊所要办什么证\""),
					containsString("口腔诊所"),
					containsString("href=\"/catalogue/items/PD-WJW-XK-027\""),
					containsString("行政许可"),
					containsString("没有找到？"), containsString("12345"))));
	}

	@Test
	void anEmptyOrPunctuationOnlyQuestionGetsAHintNextToTheField() throws Exception {
		for (String q : new String[] { "", "   ", "？！。…" }) {
			mvc.perform(get("/search").param("q", q))
				.andExpect(status().isOk())
				.andExpect(content().string(allOf(containsString("id=\"q-hint\""), containsString("请输入"),
						containsString("aria-invalid=\"true\""), not(containsString("搜索结果")))));
		}
		mvc.perform(get("/search")).andExpect(status().isOk()).andExpect(content().string(containsString("id=\"q-hint\"")));
	}

	@Test
	void htmlInTheQuestionIsShownAsTextAndAVeryLongQuestionStillWorks() throws Exception {
		mvc.perform(get("/search").param("q", "<script>alert(1)</script>护士"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("&lt;script&gt;alert(1)&lt;/script&gt;护士"),
					not(containsString("<script>alert(1)</script>")))));
		mvc.perform(get("/search").param("q", "护士执业注册".repeat(2000)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("护士执业注册")));
	}
}
