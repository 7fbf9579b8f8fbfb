package org.tongban.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.tongban.support.BrowserTest;
import org.tongban.support.Chromium;

/**
 * A relative without an account follows a case from the home page: the link, the form (a real CSRF token of an
 * anonymous session), the progress; a mistyped code gets the same answer as a number that does not exist.
 */
class TrackingInTheBrowserTests extends BrowserTest {

	@Test
	void fromTheHomePageWithNumberAndCodeToTheProgress() throws Exception {
		String receipt = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url("/api/cases")))
				.header("Authorization", "Basic " + Base64.getEncoder().encodeToString("citizen:tongban-demo".getBytes()))
				.header("Content-Type", "application/json").header("Idempotency-Key", UUID.randomUUID().toString())
				.POST(HttpRequest.BodyPublishers.ofString("""
						{"itemCode": "PD-WJW-XK-008", "situation": "CANCEL",
						 "applicant": {"kind": "PERSON", "idNumber": "310115198503151230", "name": "张三"},
						 "form": {"phone": "13800000000"}}""")).build(),
				HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)).body();
		String number = receipt.replaceAll("(?s).*\"number\":\"([^\"]+)\".*", "$1");
		String code = receipt.replaceAll("(?s).*\"queryCode\":\"([^\"]+)\".*", "$1");

		browser.get(url("/"));
		checkPage("home");
		Chromium.clickAndWait(browser, browser.findElement(By.linkText("凭办件编号和查询码查询办理进度")));
		checkPage("track-form");
		browser.findElement(By.id("track-number")).sendKeys(number);
		browser.findElement(By.id("track-code")).sendKeys(code.toLowerCase());
		Chromium.clickAndWait(browser, browser.findElement(By.id("track-submit")));
		assertThat(browser.findElement(By.id("track-result-number")).getText()).isEqualTo(number);
		assertThat(browser.findElement(By.id("track-status")).getText()).isEqualTo("待受理");
		assertThat(browser.findElement(By.id("track-step")).getText()).isEqualTo("受理");
		assertThat(browser.getPageSource()).doesNotContain("张三").doesNotContain("310115198503151230");
		Chromium.screenshot(browser, "track-found");
		checkPage("track-found");

		String wrong = code.charAt(0) == 'A' ? "B" + code.substring(1) : "A" + code.substring(1);
		browser.findElement(By.id("track-number")).clear();
		browser.findElement(By.id("track-number")).sendKeys(number);
		browser.findElement(By.id("track-code")).sendKeys(wrong);
		Chromium.clickAndWait(browser, browser.findElement(By.id("track-submit")));
		assertThat(browser.findElement(By.id("track-error")).getText()).contains("未找到与该办件编号和查询码相符的办件");
		assertThat(browser.findElements(By.id("track-result"))).isEmpty();
		Chromium.screenshot(browser, "track-not-found");
		checkPage("track-not-found");
	}
}
