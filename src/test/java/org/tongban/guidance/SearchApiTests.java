package org.tongban.guidance;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.notNullValue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** Anyone, signed in or not, searches the guides; bad input is answered quickly and never breaks the search. */
@SpringBootTest
@AutoConfigureMockMvc
class SearchApiTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	GuideSearch search;

	@BeforeEach
	void indexed() throws Exception {
		search.awaitIdle(5, TimeUnit.MINUTES);
	}

	@Test
	void anAnonymousCitizenGetsRankedItemsWithTheirSituation() throws Exception {
		mvc.perform(get("/api/search").param("q", "换医院了护士证怎么办"))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
			.andExpect(jsonPath("$[0].code").value("PD-WJW-XK-001"))
			.andExpect(jsonPath("$[0].name").value("护士执业注册"))
			.andExpect(jsonPath("$[0].situation.code").value("CHANGE"))
			.andExpect(jsonPath("$[0].situation.name", notNullValue()))
			.andExpect(jsonPath("$[0].snippet", notNullValue()))
			.andExpect(jsonPath("$[0].score", greaterThan(0.0)))
			.andExpect(jsonPath("$.length()").value(10));
	}

	@Test
	void theNumberOfResultsCanBeAskedFor() throws Exception {
		mvc.perform(get("/api/search").param("q", "健康证在哪里办").param("limit", "3"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.length()").value(3));
	}

	@Test
	void anEmptyQuestionIsRefusedInChinese() throws Exception {
		for (String q : new String[] { "", "   ", "？！。，……", "%%% *** ///" }) {
			mvc.perform(get("/api/search").param("q", q))
				.andExpect(status().isBadRequest())
				.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
				.andExpect(jsonPath("$.errors[0].field").value("q"))
				.andExpect(jsonPath("$.errors[0].message").value(containsString("请输入")));
		}
		mvc.perform(get("/api/search")).andExpect(status().isBadRequest());
	}

	@Test
	void aPastedPageIsCutAndAnswered() throws Exception {
		// how fast is measured in bench/search.sh, not here
		String page = "我想问一下护士证换单位怎么办，".repeat(700);
		mvc.perform(get("/api/search").param("q", page.substring(0, 10_000)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].code").value("PD-WJW-XK-001"));
	}

	@Test
	void luceneSyntaxInTheQuestionIsJustText() throws Exception {
		for (String q : new String[] { "护士证 AND (换医院 OR", "*:* \"健康证", "诊所~2^3 [a TO z} \\", "-+!&&||" + "牙科 /regex/", "NOT" }) {
			mvc.perform(get("/api/search").param("q", q)).andExpect(status().isOk());
		}
	}
}
