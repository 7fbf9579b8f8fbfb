package org.tongban.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.tongban.support.Chromium;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SigningInInTheBrowserTests {

	@LocalServerPort
	int port;

	ChromeDriver browser;

	@BeforeEach
	void start() {
		browser = Chromium.start();
	}

	@AfterEach
	void stop() {
		if (browser != null) {
			browser.quit();
		}
	}

	@Test
	void anAdministratorSignsInSwitchesToLargeFontAndReadsTheAuditLog() {
		browser.get("http://localhost:" + port + "/admin/audit");
		assertThat(browser.getCurrentUrl()).endsWith("/login");
		browser.findElement(By.id("username")).sendKeys("admin");
		browser.findElement(By.id("password")).sendKeys("wrong");
		Chromium.clickAndWait(browser, browser.findElement(By.cssSelector("button[type=submit].btn")));
		assertThat(browser.findElement(By.cssSelector("[role=alert]")).getText()).contains("用户名或密码不正确");

		browser.findElement(By.id("username")).sendKeys("admin");
		browser.findElement(By.id("password")).sendKeys("tongban-demo");
		Chromium.clickAndWait(browser, browser.findElement(By.cssSelector("button[type=submit].btn")));
		browser.get("http://localhost:" + port + "/admin/audit");
		assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("审计日志");

		String normal = browser.findElement(By.tagName("html")).getCssValue("font-size");
		browser.findElement(By.id("font-toggle")).click();
		assertThat(browser.findElement(By.tagName("html")).getDomAttribute("class")).contains("large-font");
		browser.navigate().refresh();
		// remembered across pages without a flash: the server renders the class from the cookie
		assertThat(browser.findElement(By.tagName("html")).getDomAttribute("class")).contains("large-font");
		assertThat(browser.findElement(By.tagName("html")).getCssValue("font-size")).isNotEqualTo(normal);
		Chromium.screenshot(browser, "audit-large-font");
	}
}
