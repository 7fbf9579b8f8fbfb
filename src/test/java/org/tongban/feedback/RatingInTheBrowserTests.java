package org.tongban.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tongban.support.BrowserTest;
import org.tongban.support.Chromium;

/**
 * Rating a stage in Chromium: once the clerk has accepted the case, its page offers the applicant a form for
 * 受理 (levels as labelled radio buttons, reasons as checkboxes); a 不满意 rating is shown with its reasons and
 * the promise of contact, and the rectification appears for the unit.
 */
class RatingInTheBrowserTests extends BrowserTest {

	static final String ITEM = "PD-WJW-XK-001";

	@Autowired
	JdbcClient jdbc;

	@Test
	void theApplicantRatesTheAcceptanceOnTheCasePage() throws Exception {
		signIn("citizen");
		browser.get(url("/cases/new?item=" + ITEM + "&situation=NEW"));
		Chromium.clickAndWait(browser, browser.findElement(By.cssSelector("form[action$='/cases'] button[type=submit]")));
		uploadRequired(ITEM, "NEW");
		Chromium.clickAndWait(browser, browser.findElement(By.id("submit-case")));
		Chromium.clickAndWait(browser, browser.findElement(By.id("confirm-submit")));
		String id = browser.getCurrentUrl().replaceAll(".*/cases/([0-9a-f-]+).*", "$1");

		signIn("clerk");
		browser.get(url("/work/cases/" + id));
		Chromium.clickAndWait(browser, browser.findElement(By.id("action-accept")));
		Chromium.clickAndWait(browser, browser.findElement(By.id("confirm-accept")));

		signIn("citizen");
		browser.get(url("/cases/" + id));
		WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(10));
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("rate-ACCEPTANCE")));
		// only the stage that happened is offered
		assertThat(browser.findElements(By.id("rate-DECISION"))).isEmpty();
		checkPage("case-rating-form");
		// the labels choose: 不满意 and one reason, by clicking their visible text
		browser.findElement(By.cssSelector("label[for='rating-ACCEPTANCE-level-2']")).click();
		assertThat(browser.findElement(By.id("rating-ACCEPTANCE-level-2")).isSelected()).isTrue();
		browser.findElement(By.cssSelector("label[for='rating-ACCEPTANCE-tag-指引不清']")).click();
		browser.findElement(By.id("rating-ACCEPTANCE-text")).sendKeys("网上没有写清楚要带原件");
		browser.findElement(By.id("rate-ACCEPTANCE")).click();

		WebElement message = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("rating-message")));
		assertThat(message.getText()).contains("已提交对“受理”环节的评价：不满意", "1 个工作日内");
		assertThat(browser.findElement(By.id("rating-given-ACCEPTANCE")).getText())
			.contains("不满意", "指引不清", "网上没有写清楚要带原件");
		assertThat(browser.findElement(By.id("rating-ACCEPTANCE")).getText()).contains("经办人员：李窗口（受理）", "待联系");
		assertThat(jdbc.sql("SELECT unit FROM feedback_rectification WHERE case_id = ?::uuid").param(id)
			.query(String.class).single()).isEqualTo("APPROVAL_CENTRE");

		// the approval centre sees the task on its list
		signIn("clerk");
		browser.get(url("/feedback/rectifications"));
		assertThat(browser.findElement(By.id("rectifications")).getText()).contains("受理：不满意", "待联系");
		checkPage("rectifications");

		// anyone sees the statistics, without personal data
		browser.manage().deleteAllCookies();
		browser.get(url("/satisfaction"));
		assertThat(browser.findElement(By.tagName("body")).getText()).doesNotContain("张三");
		checkPage("satisfaction");
	}
}
