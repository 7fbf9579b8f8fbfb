package org.tongban.support;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The whole application on a real port, driven by a fresh headless Chromium per test. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class BrowserTest {

	@LocalServerPort
	protected int port;

	@Autowired
	protected TestClock clock;

	protected ChromeDriver browser;

	@BeforeEach
	void startBrowser() {
		browser = Chromium.start();
	}

	@AfterEach
	void stopBrowser() {
		if (browser != null) {
			browser.quit();
		}
	}

	protected String url(String path) {
		return "http://localhost:" + port + path;
	}

	/** Signs in through the login form as a demo account (password tongban-demo), starting a new session. */
	protected void signIn(String username) {
		browser.manage().deleteAllCookies();
		browser.get(url("/login"));
		browser.findElement(By.id("username")).sendKeys(username);
		browser.findElement(By.id("password")).sendKeys("tongban-demo");
		Chromium.clickAndWait(browser, browser.findElement(By.cssSelector("form[action$='/login'] button[type=submit]")));
	}
}
