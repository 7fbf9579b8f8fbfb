package org.tongban.licences;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class VerifyingLicencesTests extends LicencesIntegrationTest {

	@Test
	void anyoneWithNumberAndCheckCodeSeesTheStatusAndAMaskedName() throws Exception {
		Licence l = issue("citizen", "PD-WJW-XK-023", "NEW");
		String ip = randomIp();
		mvc.perform(get("/api/verify/" + l.number()).param("c", l.checkCode()).with(from(ip)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("VALID"))
			.andExpect(jsonPath("$.statusLabel").value("有效"))
			.andExpect(jsonPath("$.holderName").value("张*"))
			.andExpect(jsonPath("$.holderId").doesNotExist())
			.andExpect(jsonPath("$.uscc").doesNotExist());
		String page = mvc.perform(get("/verify/" + l.number()).param("c", l.checkCode()).with(from(ip)))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).contains("有效").contains("张*").contains(l.number()).doesNotContain(CITIZEN_ID)
			.doesNotContain("张三").doesNotContain("13800000000");
	}

	@Test
	void anEnterprisesNameAndCreditCodeArePublic() throws Exception {
		Licence l = issue("enterprise", "PD-WJW-XK-025", "NEW");
		mvc.perform(get("/api/verify/" + l.number()).param("c", l.checkCode()).with(from(randomIp())))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.holderName").value(l.holderName()))
			.andExpect(jsonPath("$.uscc").value(ENTERPRISE_USCC));
	}

	@Test
	void anUnknownNumberAndAWrongCodeGetTheSame404() throws Exception {
		Licence l = issue("citizen", "PD-WJW-XK-023", "NEW");
		String ip = randomIp();
		String wrongCode = mvc.perform(get("/api/verify/" + l.number()).param("c", "AAAAAAAA").with(from(ip)))
			.andExpect(status().isNotFound()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		String unknown = mvc.perform(get("/api/verify/" + l.number() + "X").param("c", l.checkCode()).with(from(ip)))
			.andExpect(status().isNotFound()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		String noCode = mvc.perform(get("/api/verify/" + l.number()).with(from(ip)))
			.andExpect(status().isNotFound()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(strip(wrongCode)).isEqualTo(strip(unknown)).isEqualTo(strip(noCode));
		mvc.perform(get("/verify/" + l.number()).param("c", "AAAAAAAA").with(from(ip)))
			.andExpect(status().isNotFound());
	}

	/** The problem without its instance (the path asked for). */
	private static String strip(String problem) {
		return problem.replaceAll("\"instance\":\"[^\"]*\",?", "");
	}

	@Test
	void aRevokedLicenceShowsRevoked() throws Exception {
		Licence l = issue("citizen", "PD-WJW-XK-023", "NEW");
		licences.act(l.number(), Licences.Action.REVOKE, "approver", "测试撤销");
		mvc.perform(get("/api/verify/" + l.number()).param("c", l.checkCode()).with(from(randomIp())))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("REVOKED"))
			.andExpect(jsonPath("$.statusLabel").value("已撤销"));
	}

	@Test
	void verificationIsRateLimitedPerClient() throws Exception {
		Licence l = issue("citizen", "PD-WJW-XK-023", "NEW");
		String ip = randomIp();
		for (int i = 0; i < 30; i++) {
			mvc.perform(get("/api/verify/" + l.number()).param("c", l.checkCode()).with(from(ip)))
				.andExpect(status().isOk());
		}
		mvc.perform(get("/api/verify/" + l.number()).param("c", l.checkCode()).with(from(ip)))
			.andExpect(status().isTooManyRequests())
			.andExpect(content().contentTypeCompatibleWith("application/problem+json"))
			.andExpect(jsonPath("$.title").value("请求过于频繁"));
		// another client is not affected
		mvc.perform(get("/api/verify/" + l.number()).param("c", l.checkCode()).with(from(randomIp())))
			.andExpect(status().isOk());
	}
}
