package org.tongban.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

/** A refused upload sends the browser back to the page its form was on, and never to another site. */
class GoingBackToTheFormTests {

	private static String back(String referer) {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/cases/1/materials");
		request.setServerName("tongban.example.gov.cn");
		if (referer != null) {
			request.addHeader("Referer", referer);
		}
		return ErrorResponses.samePageBack(request);
	}

	@Test
	void backToOurOwnPageWithItsQuery() {
		assertThat(back("https://tongban.example.gov.cn/cases/1?submitted#materials")).isEqualTo("/cases/1?submitted");
	}

	@Test
	void neverToAnotherHostOrAProtocolRelativePath() {
		assertThat(back("https://evil.example.com/cases/1")).isNull();
		assertThat(back("https://tongban.example.gov.cn//evil.example.com/x")).isNull();
		assertThat(back("javascript:alert(1)")).isNull();
		assertThat(back("not a uri")).isNull();
		assertThat(back(null)).isNull();
	}
}
