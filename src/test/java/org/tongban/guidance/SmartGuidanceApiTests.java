package org.tongban.guidance;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.tongban.catalogue.Catalogue;
import org.tongban.catalogue.Guide;

/** An applicant, without signing in, answers the guide's questions and gets the materials for their situation. */
@SpringBootTest
@AutoConfigureMockMvc
class SmartGuidanceApiTests {

	private static final String NURSE = "PD-WJW-XK-001";

	@Autowired
	MockMvc mvc;

	// another suite publishes a new version of this guide with other time limits: read what is live
	@Autowired
	Catalogue catalogue;

	private ResultActions answer(String code, String json) throws Exception {
		return mvc.perform(post("/api/guidance/" + code + "/answers").contentType(MediaType.APPLICATION_JSON)
				.content(json));
	}

	@Test
	void aNurseWhoChangedHospitalGetsOnlyTheChangeMaterialsWithHeldOnesMarked() throws Exception {
		Guide live = catalogue.published(NURSE).orElseThrow();
		answer(NURSE, "{\"answers\": {\"kind\": \"换了工作单位，或执业地点/执业范围有变化\"}}")
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.code").value(NURSE))
				.andExpect(jsonPath("$.name").value("护士执业注册"))
				.andExpect(jsonPath("$.situation.code").value("CHANGE"))
				.andExpect(jsonPath("$.situation.name").value(containsString("变更注册")))
				.andExpect(jsonPath("$.materials.length()").value(5))
				.andExpect(jsonPath("$.materials[*].name", not(hasItem("申请人6个月内在二级以上医院出具的健康体检证明"))))
				.andExpect(jsonPath("$.materials[?(@.name == '护士执业证书')].needed").value(false))
				.andExpect(jsonPath("$.materials[?(@.name == '护士执业证书')].heldBy").value("电子证照库（护士电子证照）"))
				.andExpect(jsonPath("$.materials[?(@.name == '护士执业证书')].kindLabel").value("原件"))
				.andExpect(jsonPath("$.materials[?(@.name == '原执业机构出具的解聘或离职证明')].needed").value(true))
				.andExpect(jsonPath("$.materials[?(@.name == '原执业机构出具的解聘或离职证明')].kindLabel").value("复印件"))
				.andExpect(jsonPath("$.materials[?(@.name == '原执业机构出具的解聘或离职证明')].required").value(false))
				.andExpect(jsonPath("$.timeLimitDays.statutory").value(live.situation("CHANGE").statutoryDays()))
				.andExpect(jsonPath("$.timeLimitDays.promised").value(live.situation("CHANGE").promisedDays()))
				.andExpect(jsonPath("$.timeLimitDays.immediate").value(false))
				.andExpect(jsonPath("$.channels.windowAddress").value(containsString("浦东新区")));
		// the same by option index
		answer(NURSE, "{\"answers\": {\"kind\": \"1\"}}").andExpect(jsonPath("$.situation.code").value("CHANGE"));
	}

	/** The tailored result gives the situation's own limit (《护士执业注册管理办法》第十九条: 7 working days). */
	@Test
	void theSituationsOwnLimitIsTheOneShown() throws Exception {
		answer(NURSE, "{\"answers\": {\"kind\": \"1\"}}").andExpect(jsonPath("$.timeLimitDays.statutory").value(7))
				.andExpect(jsonPath("$.noticeCommitment").doesNotExist());
		answer(NURSE, "{\"answers\": {\"kind\": \"0\"}}").andExpect(jsonPath("$.timeLimitDays.statutory").value(20));
	}

	@Test
	void skippingAQuestionOnThePathIsA400NamingIt() throws Exception {
		answer(NURSE, "{\"answers\": {\"kind\": \"3\"}}")
				.andExpect(status().isBadRequest())
				.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
				.andExpect(jsonPath("$.errors[0].field").value("rereg-why"))
				.andExpect(jsonPath("$.errors[0].message").value(containsString("您需要重新注册的原因是？")));
		answer(NURSE, "{\"answers\": {}}").andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].field").value("kind"));
		answer(NURSE, "{\"answers\": {\"kind\": \"3\", \"rereg-why\": \"2\"}}")
				.andExpect(jsonPath("$.situation.code").value("REREGISTER_TRAINING"));
	}

	@Test
	void anUnknownOptionIsA400NamingItsQuestion() throws Exception {
		answer(NURSE, "{\"answers\": {\"kind\": \"我想开诊所\"}}")
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].field").value("kind"))
				.andExpect(jsonPath("$.errors[0].message").value(containsString("“我想开诊所”不是问题")));
	}

	@Test
	void anUnknownItemIsA404Problem() throws Exception {
		answer("PD-WJW-XK-999", "{\"answers\": {\"kind\": \"0\"}}")
				.andExpect(status().isNotFound())
				.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
				.andExpect(jsonPath("$.detail").value(containsString("PD-WJW-XK-999")));
		mvc.perform(get("/guidance/PD-WJW-XK-999")).andExpect(status().isNotFound());
	}

	@Test
	void markupInAnswersIsNeverEchoedUnescaped() throws Exception {
		String evil = "<script>alert('x')</script><img src=x onerror=alert(1)>";
		answer(NURSE, "{\"answers\": {\"kind\": \"" + evil.replace("'", "\\u0027") + "\"}}")
				.andExpect(status().isBadRequest())
				.andExpect(content().string(not(containsString("<script"))))
				.andExpect(content().string(not(containsString("<img"))));
		mvc.perform(get("/guidance/" + NURSE + "/result").param("kind", evil).accept(MediaType.TEXT_HTML))
				.andExpect(status().isBadRequest())
				.andExpect(content().string(not(containsString("<script>alert"))))
				.andExpect(content().string(not(containsString("<img src=x"))));
		mvc.perform(get("/guidance/" + NURSE).param("kind", evil).accept(MediaType.TEXT_HTML))
				.andExpect(status().isBadRequest())
				.andExpect(content().string(not(containsString("<script>alert"))));
	}

	@Test
	void thePagesWalkOneQuestionAtATimeToAPrintableList() throws Exception {
		mvc.perform(get("/guidance/" + NURSE)).andExpect(status().isOk())
				.andExpect(content().string(containsString("您要办理哪一类护士执业注册业务？")))
				.andExpect(content().string(containsString("type=\"radio\"")));
		mvc.perform(get("/guidance/" + NURSE).param("kind", "3")).andExpect(status().isOk())
				.andExpect(content().string(containsString("您需要重新注册的原因是？")));
		mvc.perform(get("/guidance/" + NURSE).param("kind", "1"))
				.andExpect(status().is3xxRedirection())
				.andExpect(header().string("Location", containsString("/guidance/" + NURSE + "/result?kind=1")));
		mvc.perform(get("/guidance/" + NURSE + "/result").param("kind", "3"))
				.andExpect(status().is3xxRedirection())
				.andExpect(header().string("Location", containsString("/guidance/" + NURSE + "?kind=3")));
		mvc.perform(get("/guidance/" + NURSE + "/result").param("kind", "1")).andExpect(status().isOk())
				.andExpect(content().string(containsString("免提交")))
				.andExpect(content().string(containsString("电子证照库（护士电子证照）")))
				.andExpect(content().string(containsString("/cases/new?item=" + NURSE + "&amp;situation=CHANGE")))
				.andExpect(content().string(not(containsString("即将开通"))))
				.andExpect(content().string(containsString("/js/guidance.js")))
				.andExpect(content().string(not(containsString("预填信息"))));
		mvc.perform(get("/catalogue/items/" + NURSE))
				.andExpect(content().string(containsString("开始问答引导")));
	}
}
