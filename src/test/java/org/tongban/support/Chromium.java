package org.tongban.support;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Real headless Chromium from the distribution's packages. Selenium is given the driver binary
 * explicitly, so it never tries to download a browser or driver of its own.
 */
public final class Chromium {

	private static final Path BROWSER = Path.of("/usr/bin/chromium");
	private static final Path DRIVER = Path.of("/usr/bin/chromedriver");

	private Chromium() {
	}

	/** Starts a browser, or skips the test where none is installed (CI sets TONGBAN_REQUIRE_BROWSER=true to fail instead). */
	public static ChromeDriver start() {
		boolean installed = Files.isExecutable(BROWSER) && Files.isExecutable(DRIVER);
		if (!installed && "true".equals(System.getenv("TONGBAN_REQUIRE_BROWSER"))) {
			throw new IllegalStateException("Chromium 未安装：apt-get install -y chromium chromium-driver");
		}
		Assumptions.assumeTrue(installed, "Chromium is not installed (apt-get install -y chromium chromium-driver)");
		ChromeOptions options = new ChromeOptions();
		options.setBinary(BROWSER.toFile());
		options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
				"--disable-background-networking", "--disable-component-update", "--disable-sync",
				"--disable-dev-shm-usage", "--window-size=1280,1000", "--lang=zh-CN");
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
				.usingAnyFreePort().build();
		ChromeDriver driver = new ChromeDriver(service, options);
		driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(5));
		return driver;
	}

	/** Clicks something that loads a new page and waits until the old page is gone, so nothing stale is read. */
	public static void clickAndWait(ChromeDriver driver, org.openqa.selenium.WebElement element) {
		element.click();
		new org.openqa.selenium.support.ui.WebDriverWait(driver, Duration.ofSeconds(10))
				.until(org.openqa.selenium.support.ui.ExpectedConditions.stalenessOf(element));
	}

	/** Keeps a screenshot under target/screenshots for a person to look at. */
	public static void screenshot(ChromeDriver driver, String name) {
		try {
			File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
			Path dir = Files.createDirectories(Path.of("target", "screenshots"));
			Files.copy(shot.toPath(), dir.resolve(name + ".png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	/** A phone's width in CSS pixels (an ordinary recent phone held upright). */
	public static final int PHONE_WIDTH = 390;

	/** A phone's first screen: what shows without scrolling. */
	public static final int PHONE_HEIGHT = 844;

	/** Runs {@code action} with the page laid out as on a phone {@code width} wide, then restores the window. */
	public static void atWidth(ChromeDriver driver, int width, Runnable action) {
		emulate(driver, width, PHONE_HEIGHT, true);
		try {
			action.run();
		}
		finally {
			driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", java.util.Map.of());
		}
	}

	/**
	 * Keeps a screenshot of the whole page, {@code width} wide and as tall as the page, under
	 * target/screenshots/{@code folder}/{@code name}.png; the window is as before afterwards.
	 */
	public static void fullPageScreenshot(ChromeDriver driver, String folder, String name, int width, boolean phone) {
		try {
			emulate(driver, width, PHONE_HEIGHT, phone);
			Number tall = (Number) driver.executeScript(
					"return Math.max(document.documentElement.scrollHeight, document.body ? document.body.scrollHeight : 0);");
			emulate(driver, width, Math.min(Math.max(tall.intValue(), 400), 16000), phone);
			Object shot = driver.executeCdpCommand("Page.captureScreenshot", java.util.Map.of("format", "png"))
				.get("data");
			Path dir = Files.createDirectories(Path.of("target", "screenshots", folder));
			Files.write(dir.resolve(name + ".png"), java.util.Base64.getDecoder().decode((String) shot));
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		finally {
			driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", java.util.Map.of());
		}
	}

	private static void emulate(ChromeDriver driver, int width, int height, boolean mobile) {
		driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", java.util.Map.of("width", width, "height", height,
				"deviceScaleFactor", 1, "mobile", mobile));
	}
}
