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

	@Autowired
	protected org.tongban.cases.CaseApplications applications;

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

	/** On a draft's page: uploads a scanned PDF for every required material, through each material's form. */
	protected void uploadRequired(String item, String situation) throws java.io.IOException {
		for (String material : applications.requiredUploads(item, situation)) {
			java.nio.file.Path scan = java.nio.file.Files.createTempFile("scan", ".pdf");
			java.nio.file.Files.write(scan, Applying.scan(material));
			var form = browser.findElement(By.xpath("//form[input[@name='material' and @value='" + material + "']]"
					+ "[.//input[@type='file']]"));
			form.findElement(By.cssSelector("input[type=file]")).sendKeys(scan.toAbsolutePath().toString());
			Chromium.clickAndWait(browser, form.findElement(By.cssSelector("button[type=submit]")));
			java.nio.file.Files.delete(scan);
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
