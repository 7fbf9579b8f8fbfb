package org.tongban.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * The applicant's case page and the staff's work page show the written decision of a refused, denied or revoked
 * case — reasons, basis and rights — and a granted case shows none.
 */
class ReadingTheWrittenDecisionTests extends HandlingTest {

	static final String RIGHTS_60 = "自收到本决定之日起六十日内，依照《中华人民共和国行政复议法》第二十条的规定，向上海市浦东新区人民政府申请行政复议";
	static final String RIGHTS_6M = "自收到本决定之日起六个月内，依照《中华人民共和国行政诉讼法》第四十六条的规定，向有管辖权的人民法院提起行政诉讼";

	@Autowired
	UserDetailsService users;

	@Test
	void aRefusalIsShownToTheApplicantAndTheStaffWithReasonsBasisAndRights() throws Exception {
		String id = submitted(HandlingTests.LICENSING, "NEW", false);
		act("clerk", id, "refuse", "{\"reason\": \"申请事项依法不需要取得行政许可\"}").andExpect(status().isOk())
				.andExpect(jsonPath("$.decisionNotice.title").value("不予受理决定书"));
		for (String page : new String[] {page("citizen", "/cases/" + id), page("clerk", "/work/cases/" + id)}) {
			assertThat(page).contains("id=\"decision-notice\"").contains("不予受理决定书").contains("申请事项依法不需要取得行政许可。")
					.contains("《中华人民共和国行政许可法》第三十二条").contains(RIGHTS_60).contains(RIGHTS_6M);
		}
	}

	@Test
	void aDenialIsShownInPlaceOfTheBareResult() throws Exception {
		String id = submitted(HandlingTests.LICENSING, "NEW", false);
		act("clerk", id, "accept", null).andExpect(status().isOk());
		act("approver", id, "deny", "{\"reason\": \"执业场所不符合要求\"}").andExpect(status().isOk())
				.andExpect(jsonPath("$.decisionNotice").doesNotExist());
		act("approver2", id, "deny", "{\"reason\": \"执业场所不符合《中医诊所基本标准》\"}").andExpect(status().isOk());
		String page = page("citizen", "/cases/" + id);
		assertThat(page).contains("不予许可决定书").contains("执业场所不符合《中医诊所基本标准》。")
				.contains("《中华人民共和国行政许可法》第三十八条第二款").contains(RIGHTS_60).contains(RIGHTS_6M)
				.doesNotContain("id=\"decision\"");
		assertThat(page("approver", "/work/cases/" + id)).contains("不予许可决定书").contains(RIGHTS_60);
	}

	@Test
	void aRevokedGrantNoLongerReadsAsAGrant() throws Exception {
		String id = submitted(HandlingTests.COMMITMENT, "NEW", true);
		read("citizen", id).andExpect(jsonPath("$.decisionNotice").doesNotExist());
		act("inspector", id, "notify-revocation", "{\"reason\": \"放射防护设施未按承诺配置\"}").andExpect(status().isOk());
		act("citizen", id, "state-case", "{\"reason\": \"设施正在整改\"}").andExpect(status().isOk());
		act("inspector", id, "revoke", "{\"reason\": \"放射防护设施未按承诺配置\"}").andExpect(status().isOk());
		String page = page("citizen", "/cases/" + id);
		assertThat(page).contains("撤销许可决定书").contains("核查情况：放射防护设施未按承诺配置。")
				.contains("《中华人民共和国行政许可法》第六十九条第二款").contains("国办发〔2020〕42号").contains(RIGHTS_60)
				.contains(RIGHTS_6M).doesNotContain("id=\"decision\"");
		assertThat(page("inspector", "/work/cases/" + id)).contains("撤销许可决定书").contains(RIGHTS_6M);
	}

	private String page(String username, String path) throws Exception {
		return mvc.perform(get(path).with(user(users.loadUserByUsername(username)))).andExpect(status().isOk())
				.andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
	}
}
