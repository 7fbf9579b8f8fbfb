package org.tongban.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.tongban.support.BrowserTest;
import org.tongban.support.Chromium;

class SigningInInTheBrowserTests extends BrowserTest {

	@Test
	void anAdministratorSignsInSwitchesToLargeFontAndReadsTheAuditLog() {
		browser.get(url("/admin/audit"));
		assertThat(browser.getCurrentUrl()).endsWith("/login");
		browser.findElement(By.id("username")).sendKeys("admin");
		browser.findElement(By.id("password")).sendKeys("wrong");
		Chromium.clickAndWait(browser, browser.findElement(By.cssSelector("button[type=submit].btn")));
		assertThat(browser.findElement(By.cssSelector("[role=alert]")).getText()).contains("用户名或密码不正确");
		checkPage("login-refused");

		browser.findElement(By.id("username")).sendKeys("admin");
		browser.findElement(By.id("password")).sendKeys("tongban-demo");
		Chromium.clickAndWait(browser, browser.findElement(By.cssSelector("button[type=submit].btn")));
		browser.get(url("/admin/audit"));
		assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("审计日志");
		checkPage("audit");

		String normal = browser.findElement(By.tagName("html")).getCssValue("font-size");
		browser.findElement(By.id("font-toggle")).click();
		assertThat(browser.findElement(By.tagName("html")).getDomAttribute("class")).contains("large-font");
		browser.navigate().refresh();
		// remembered across pages without a flash: the server renders the class from the cookie
		assertThat(browser.findElement(By.tagName("html")).getDomAttribute("class")).contains("large-font");
		assertThat(browser.findElement(By.tagName("html")).getCssValue("font-size")).isNotEqualTo(normal);
		Chromium.screenshot(browser, "audit-large-font");
		checkPage("audit-large-font");
	}
}
