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

	private String testName = "unknown";

	@BeforeEach
	void startBrowser(org.junit.jupiter.api.TestInfo test) {
		testName = test.getTestClass().map(Class::getSimpleName).orElse("unknown") + "."
				+ test.getTestMethod().map(java.lang.reflect.Method::getName).orElse("unknown");
		browser = Chromium.start();
	}

	/**
	 * The page as it is now must pass axe-core's WCAG 2.1 A/AA rules on a desktop and on a phone; both are kept
	 * as full-page screenshots under target/screenshots/&lt;TestClass&gt;.&lt;method&gt;/&lt;name&gt;-desktop.png and -phone.png.
	 */
	protected void checkPage(String name) {
		Accessibility.check(browser, name + " (1280 px)");
		Chromium.fullPageScreenshot(browser, testName, name + "-desktop", 1280, false);
		Chromium.atWidth(browser, Chromium.PHONE_WIDTH, () -> Accessibility.check(browser, name + " (390 px)"));
		Chromium.fullPageScreenshot(browser, testName, name + "-phone", Chromium.PHONE_WIDTH, true);
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
		signIn(username, "tongban-demo");
	}

	/** Signs in through the login form with a password, starting a new session. */
	protected void signIn(String username, String password) {
		browser.manage().deleteAllCookies();
		browser.get(url("/login"));
		browser.findElement(By.id("username")).sendKeys(username);
		browser.findElement(By.id("password")).sendKeys(password);
		Chromium.clickAndWait(browser, browser.findElement(By.cssSelector("form[action$='/login'] button[type=submit]")));
	}
}
