package org.tongban.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.tongban.shared.PublicUrl;

/** A link in a text message leaves the product: it names the public address, never localhost. */
@ExtendWith(OutputCaptureExtension.class)
class TextMessageLinksTests {

	@Test
	void theTextMessageLinksToTheCaseAtThePublicAddress(CapturedOutput output) {
		Case c = mock(Case.class);
		when(c.form()).thenReturn(Map.of("phone", "13812345678"));
		new Notifications.LoggedSms(new PublicUrl("https://zwfw.example.gov.cn/", false)).send(c, "您的办件已受理", "正文",
				"/cases/00000000-0000-0000-0000-000000000001");
		assertThat(output.getOut() + output.getErr()).contains("138****5678")
			.contains("https://zwfw.example.gov.cn/cases/00000000-0000-0000-0000-000000000001")
			.doesNotContain("localhost");
	}
}
