package org.tongban.guidance;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** A signed-in applicant sees what the authority already knows about them, with where it comes from. */
@SpringBootTest
@AutoConfigureMockMvc
class PrefillingFromTheRegistersTests {

	@Autowired
	MockMvc mvc;

	private static RequestPostProcessor as(String username) {
		return httpBasic(username, "tongban-demo");
	}

	@Test
	void aCitizenGetsNameAndIdFromTheAccountAndTheRestFromThePersonRegister() throws Exception {
		mvc.perform(get("/api/guidance/prefill").with(as("citizen")))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.fields[?(@.field == 'name')].value").value("张三"))
				.andExpect(jsonPath("$.fields[?(@.field == 'name')].source").value("账户信息"))
				.andExpect(jsonPath("$.fields[?(@.field == 'idNumber')].value").value("310115198503151230"))
				.andExpect(jsonPath("$.fields[?(@.field == 'address')].value").value(hasItem(containsString("浦东新区"))))
				.andExpect(jsonPath("$.fields[?(@.field == 'address')].source").value("公安人口库（演示）"))
				.andExpect(jsonPath("$.fields[?(@.field == 'phone')].value").value("13800000000"))
				.andExpect(jsonPath("$.fields[?(@.field == 'phone')].label").value("联系电话"))
				.andExpect(jsonPath("$.licencesHeld[0].name").value("护士执业证书"))
				.andExpect(jsonPath("$.licencesHeld[0].source").value("电子证照库（演示）"));
	}

	@Test
	void anEnterpriseGetsItsRecordFromTheEnterpriseRegister() throws Exception {
		mvc.perform(get("/api/guidance/prefill").with(as("enterprise")))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.fields[?(@.field == 'uscc')].value").value("91310115MA1K3Y4N2N"))
				.andExpect(jsonPath("$.fields[?(@.field == 'uscc')].source").value("账户信息"))
				.andExpect(jsonPath("$.fields[?(@.field == 'name')].value").value("上海浦东示例口腔门诊部有限公司"))
				.andExpect(jsonPath("$.fields[?(@.field == 'legalRepresentative')].source").value("市场监管法人库（演示）"))
				.andExpect(jsonPath("$.fields[?(@.field == 'address')].value").value(hasItem(containsString("浦东新区"))))
				.andExpect(jsonPath("$.licencesHeld.length()").value(2));
	}

	@Test
	void excludedFieldsAreNotReturnedAtAll() throws Exception {
		mvc.perform(get("/api/guidance/prefill").param("exclude", "phone, address").with(as("citizen")))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.fields[*].field", not(hasItem("phone"))))
				.andExpect(jsonPath("$.fields[*].field", not(hasItem("address"))))
				.andExpect(jsonPath("$.fields[*].field", hasItem("name")))
				.andExpect(content().string(not(containsString("13800000000"))));
		mvc.perform(get("/api/guidance/prefill").param("exclude", "licencesHeld").with(as("enterprise")))
				.andExpect(jsonPath("$.licencesHeld.length()").value(0));
	}

	@Test
	void staffAreRefusedAndAnonymousMustSignIn() throws Exception {
		mvc.perform(get("/api/guidance/prefill").with(as("clerk"))).andExpect(status().isForbidden());
		mvc.perform(get("/api/guidance/prefill").with(as("admin"))).andExpect(status().isForbidden());
		mvc.perform(get("/api/guidance/prefill")).andExpect(status().isUnauthorized());
	}

	@Test
	void theResultPageShowsASignedInApplicantThePrefillPanel() throws Exception {
		mvc.perform(get("/guidance/PD-WJW-XK-001/result").param("kind", "1").with(as("citizen")))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("预填信息")))
				.andExpect(content().string(containsString("公安人口库（演示）")))
				.andExpect(content().string(containsString("value=\"310115198503151230\"")));
	}

	@Test
	void onThePageTheApplicantChoosesFieldsNotToPrefillAndTheyAreNotFilled() throws Exception {
		String page = mvc.perform(get("/guidance/PD-WJW-XK-001/result").param("kind", "1")
				.param("exclude", "phone").param("exclude", "address").with(as("citizen")))
				.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		org.assertj.core.api.Assertions.assertThat(page)
				.contains("不使用以下信息预填")
				.doesNotContain("id=\"prefill-phone\"").doesNotContain("id=\"prefill-address\"")
				.contains("id=\"prefill-idNumber\"")
				// the choice is kept with the answers, so updating stays on the same situation
				.containsPattern("id=\"exclude-phone\"[^>]*checked")
				.contains("name=\"kind\" value=\"1\"");
	}
}
