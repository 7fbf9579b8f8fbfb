package org.tongban.licences;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.hamcrest.Matchers.containsString;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class LicencePagesTests extends LicencesIntegrationTest {

	@Test
	void staffSeeTheRegisterAndALicencesPageWithItsHistoryAndApproversTheActions() throws Exception {
		Licence l = issue("citizen", "PD-WJW-XK-023", "NEW");
		String register = mvc.perform(get("/licences").param("q", l.number()).with(basic("clerk")))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(register).contains("证照登记簿").contains(l.number()).contains("张三");
		String asApprover = mvc.perform(get("/licences/" + l.number()).with(basic("approver")))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(asApprover).contains(l.number()).contains("发证").contains("暂停、恢复或撤销");
		String asHolder = mvc.perform(get("/licences/" + l.number()).with(basic("citizen")))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(asHolder).contains(l.number()).doesNotContain("暂停、恢复或撤销");
		mvc.perform(get("/licences/" + l.number()).with(basic("enterprise"))).andExpect(status().isNotFound());
		// the signature is explained on the page, with the raw data one link away for programs
		assertThat(asHolder).contains("数字签名（国密 SM2）").contains("BEGIN PUBLIC KEY")
			.contains("下载签名数据（JSON 格式");
		// the history names the approver, not the login
		assertThat(asHolder).doesNotContain("<span class=\"muted\">approver</span>");
	}

	@Test
	void revokingOnThePageIsAskedAgainThenSaysWhatHappened() throws Exception {
		Licence l = issue("citizen", "PD-WJW-XK-023", "NEW");
		mvc.perform(post("/licences/" + l.number() + "/actions").param("action", "revoke").param("reason", "<b>以欺骗手段取得</b>")
				.with(basic("approver")).with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("确认撤销证照")))
			.andExpect(content().string(containsString("&lt;b&gt;以欺骗手段取得&lt;/b&gt;")));
		assertThat(licences.find(l.number()).orElseThrow().storedStatus()).isEqualTo(l.storedStatus());
		mvc.perform(post("/licences/" + l.number() + "/actions").param("action", "revoke").param("reason", "以欺骗手段取得")
				.param("confirmed", "true").with(basic("approver")).with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("outcome", containsString("已撤销证照 " + l.number())));
		assertThat(licences.find(l.number()).orElseThrow().storedStatus().name()).isEqualTo("REVOKED");
	}
}
