package org.tongban.licences;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

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
	}
}
