package org.tongban.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.tongban.support.BrowserTest;
import org.tongban.support.Chromium;

/**
 * 办不成事 in Chromium: from the item's guide page an anonymous visitor reports what they could not get done, is
 * refused without a contact (the message beside the field), then sees the confirmation with the link to follow the
 * ticket; the division records its contact on the ticket's page, and the follow link shows it.
 */
class TicketInTheBrowserTests extends BrowserTest {

	static final String ITEM = "PD-WJW-XK-001";

	@Test
	void aVisitorReportsFromTheItemPageAndFollowsTheTicket() {
		browser.get(url("/catalogue/items/" + ITEM));
		Chromium.clickAndWait(browser, browser.findElement(By.id("ticket-link")));
		assertThat(browser.findElement(By.id("ticket-form")).getText()).contains("护士执业注册");
		checkPage("ticket-form");
		browser.findElement(By.id("text")).sendKeys("网上申请时体检证明一直上传失败");
		browser.findElement(By.id("where")).sendKeys("网上办事大厅");
		Chromium.clickAndWait(browser, browser.findElement(By.cssSelector("#ticket-form button[type=submit]")));
		assertThat(browser.findElement(By.id("contact-error")).getText()).contains("手机号码或电子邮箱");
		assertThat(browser.findElement(By.id("text")).getAttribute("value")).isEqualTo("网上申请时体检证明一直上传失败");
		checkPage("ticket-form-refused");
		browser.findElement(By.id("contact")).sendKeys("13912345678");
		Chromium.clickAndWait(browser, browser.findElement(By.cssSelector("#ticket-form button[type=submit]")));

		assertThat(browser.findElement(By.id("filed")).getText()).contains("已收到您的反映", "生物医药处");
		assertThat(browser.findElement(By.id("ticket-status")).getText()).isEqualTo("待联系");
		checkPage("ticket-filed");
		String follow = browser.findElement(By.id("follow-link")).getAttribute("href");
		String id = follow.replaceAll(".*/feedback/tickets/([0-9a-f-]{36}).*", "$1");

		signIn("biomed");
		browser.get(url("/feedback/tickets"));
		assertThat(browser.findElement(By.id("ticket-" + id)).getText()).contains("网上申请时体检证明", "待联系");
		checkPage("tickets-of-the-division");
		browser.get(url("/feedback/tickets/" + id));
		browser.findElement(By.id("note-contact")).sendKeys("已电话联系，指导更换文件格式");
		Chromium.clickAndWait(browser, browser.findElement(By.cssSelector("#action-contact button[type=submit]")));
		assertThat(browser.findElement(By.id("done")).getText()).contains("已记录联系情况");
		checkPage("ticket-for-staff");

		browser.manage().deleteAllCookies();
		browser.get(follow);
		assertThat(browser.findElement(By.id("ticket-status")).getText()).isEqualTo("已联系，办理中");
		assertThat(browser.findElement(By.id("steps")).getText()).contains("联系反映人", "已电话联系，指导更换文件格式");
	}
}
