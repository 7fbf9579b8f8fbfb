package org.tongban.reform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.tongban.support.BrowserTest;
import org.tongban.support.Chromium;

/** A division reports progress in the browser, and the leader sees it on the cockpit. */
class ReportingProgressInTheBrowserTests extends BrowserTest {

	// task 39, 预约人员免费孕前优生健康检查“免申即享”, is led by 人口家发处 alone
	private static final int TASK = 39;

	/** Submits the report form and waits for the next page, so nothing is read from the old one. */
	private void submitReport() {
		Chromium.clickAndWait(browser, browser.findElement(By.cssSelector("form[enctype] button[type=submit]")));
	}

	@Test
	void theFamilyDivisionReportsProgressAndTheLeaderSeesItOnTheCockpit() {
		String marker = "已完成预约数据对接，首批名单推送 " + UUID.randomUUID().toString().substring(0, 6);
		signIn("family");
		browser.get(url("/reform/tasks/" + TASK));
		assertThat(browser.findElement(By.tagName("h1")).getText()).contains(String.valueOf(TASK));

		// a wrong entry first: completed at 60% is refused next to the field, nothing saved
		browser.findElement(By.id("text")).sendKeys(marker);
		WebElement progress = browser.findElement(By.id("progress"));
		progress.clear();
		progress.sendKeys("60");
		new Select(browser.findElement(By.id("status"))).selectByValue("COMPLETED");
		submitReport();
		assertThat(browser.findElement(By.cssSelector(".field-error")).getText()).contains("100");
		checkPage("task-refused");

		progress = browser.findElement(By.id("progress"));
		progress.clear();
		progress.sendKeys("60");
		new Select(browser.findElement(By.id("status"))).selectByValue("IN_PROGRESS");
		submitReport();
		assertThat(browser.findElement(By.tagName("body")).getText()).contains(marker);
		Chromium.screenshot(browser, "reform-task-reported");
		checkPage("task-reported");

		signIn("leader");
		browser.get(url("/reform"));
		WebElement latest = browser.findElement(By.cssSelector("table.latest-reports"));
		assertThat(latest.getText()).contains(marker).contains("人口家发处").contains("60%");
		Chromium.screenshot(browser, "reform-dashboard-leader");
		checkPage("dashboard");

		Chromium.clickAndWait(browser, latest.findElement(By.cssSelector("a[href$='/reform/tasks/" + TASK + "']")));
		assertThat(browser.findElement(By.tagName("body")).getText()).contains(marker).contains("60%");
	}
}
