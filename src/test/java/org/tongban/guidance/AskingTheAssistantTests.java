package org.tongban.guidance;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.tongban.catalogue.Catalogue;
import org.tongban.catalogue.Guide;

import tools.jackson.databind.json.JsonMapper;

/** Anyone asks the assistant; without a model it answers with the guide's own sections, each cited. */
@SpringBootTest
@AutoConfigureMockMvc
class AskingTheAssistantTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	GuideSearch search;

	@Autowired
	JsonMapper json;

	@Autowired
	Catalogue catalogue;

	@BeforeEach
	void indexed() throws Exception {
		search.awaitIdle(5, TimeUnit.MINUTES);
	}

	private org.springframework.test.web.servlet.ResultActions ask(String question) throws Exception {
		return mvc.perform(post("/api/assistant/ask").contentType(MediaType.APPLICATION_JSON)
			.content(json.writeValueAsString(java.util.Map.of("question", question))));
	}

	@Test
	void aNurseWhoChangedHospitalGetsTheChangeMaterialsWithCitations() throws Exception {
		// other tests publish new versions of this guide: the answer follows whatever is published now
		Guide guide = catalogue.published("PD-WJW-XK-001").orElseThrow();
		var answer = ask("换医院了护士证怎么办").andExpect(status().isOk());
		for (var m : guide.situation("CHANGE").materials()) {
			answer.andExpect(jsonPath("$.answer", containsString(m.name())));
		}
		answer
			.andExpect(jsonPath("$.grounded").value(true))
			.andExpect(jsonPath("$.answer", containsString("变更注册")))
			.andExpect(jsonPath("$.answer", containsString("承诺时限" + guide.promisedDays() + "个工作日")))
			.andExpect(jsonPath("$.citations[0].code").value("PD-WJW-XK-001"))
			.andExpect(jsonPath("$.citations[0].name").value("护士执业注册"))
			.andExpect(jsonPath("$.citations[0].section").value("situations[CHANGE].materials"))
			.andExpect(jsonPath("$.citations[0].title", org.hamcrest.Matchers.endsWith("”情形的材料")))
			.andExpect(jsonPath("$.citations[0].version").value(guide.version()))
			.andExpect(jsonPath("$.citations[0].url",
					startsWith("/catalogue/items/PD-WJW-XK-001?version=" + guide.version() + "#")))
			.andExpect(jsonPath("$.citations[0].url", containsString("#situation-CHANGE")))
			.andExpect(jsonPath("$.citations[*].section", hasItem("timeLimits")))
			.andExpect(jsonPath("$.citations[*].section", hasItem("fee")))
			.andExpect(jsonPath("$.citations[*].section", hasItem("channels")));
	}

	@Test
	void aQuestionWhoseOnlyCommonWordIsRegistrationStillFindsItsOwnGuide() throws Exception {
		ask("生了二胎要做生育登记吗").andExpect(status().isOk())
			.andExpect(jsonPath("$.citations[0].code").value("PD-WJW-GG-007"))
			.andExpect(jsonPath("$.grounded").value(true));
	}

	@ParameterizedTest
	@ValueSource(strings = { "明天天气怎么样", "怎么办护照", "股票怎么买", "结婚登记怎么办" })
	void anOffTopicQuestionIsAnsweredWithTheWindowNotAGuess(String question) throws Exception {
		ask(question).andExpect(status().isOk())
			.andExpect(jsonPath("$.answer", containsString("没有找到")))
			.andExpect(jsonPath("$.answer", containsString("021-68541234")))
			.andExpect(jsonPath("$.answer", containsString("合欢路2号")))
			.andExpect(jsonPath("$.citations.length()").value(0))
			.andExpect(jsonPath("$.grounded").value(false));
	}

	@Test
	void aVeryLongQuestionIsBounded() throws Exception {
		ask("换医院了护士证怎么办" + "啊".repeat(10_000)).andExpect(status().isOk())
			.andExpect(jsonPath("$.citations[0].code").value("PD-WJW-XK-001"));
	}

	@Test
	void anEmptyQuestionIsRefusedInChinese() throws Exception {
		ask("  ？ ").andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(content().string(containsString("请输入您要咨询的问题")));
		mvc.perform(post("/api/assistant/ask").contentType(MediaType.APPLICATION_JSON).content("{}"))
			.andExpect(status().isBadRequest());
	}

	@Test
	void htmlInTheQuestionIsNeverEchoed() throws Exception {
		String evil = "<script>alert(1)</script>换医院了护士证怎么办<img src=x onerror=alert(2)>";
		ask(evil).andExpect(status().isOk())
			.andExpect(content().string(not(containsString("<script>"))))
			.andExpect(content().string(not(containsString("<img"))));
		mvc.perform(post("/assistant").with(csrf()).param("question", evil))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("<script>alert"))))
			.andExpect(content().string(not(containsString("<img src=x"))))
			.andExpect(content().string(containsString("&lt;script&gt;")));
	}

	@Test
	void thePageAnswersWithAndWithoutJavaScript() throws Exception {
		mvc.perform(get("/assistant")).andExpect(status().isOk())
			.andExpect(content().string(containsString("<label for=\"question\"")))
			.andExpect(content().string(containsString("aria-live=\"polite\"")));
		// without JavaScript: the whole page with the answer
		mvc.perform(post("/assistant").with(csrf()).param("question", "换医院了护士证怎么办"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<h1>智能客服")))
			.andExpect(content().string(containsString("/catalogue/items/PD-WJW-XK-001?version=")));
		// htmx: the answer fragment only
		mvc.perform(post("/assistant").with(csrf()).header("HX-Request", "true").param("question", "换医院了护士证怎么办"))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("<h1>"))))
			// people read the section's name, not its path
			.andExpect(content().string(containsString("情形的材料〕")))
			.andExpect(content().string(not(containsString("situations["))));
		mvc.perform(post("/assistant").with(csrf()).param("question", " "))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("请输入您要咨询的问题")));
	}
}
