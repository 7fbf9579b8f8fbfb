package org.tongban.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tongban.support.BrowserTest;
import org.tongban.support.Chromium;

/** From the citizen applying to two approvers granting, each in their own session in Chromium. */
class HandlingInTheBrowserTests extends BrowserTest {

	@Autowired
	JdbcClient jdbc;

	@Test
	void aCitizenAppliesTheClerkAcceptsAndTwoApproversReviewAndGrant() throws Exception {
		signIn("citizen");
		browser.get(url("/cases/new?item=PD-WJW-XK-023&situation=NEW"));
		browser.findElement(By.id("form-note")).sendKeys("<b>请尽快办理</b>");
		Chromium.clickAndWait(browser, browser.findElement(By.cssSelector("form[action$='/cases'] button[type=submit]")));
		uploadRequired("PD-WJW-XK-023", "NEW");
		Chromium.clickAndWait(browser, browser.findElement(By.id("submit-case")));
		Chromium.clickAndWait(browser, browser.findElement(By.id("confirm-submit")));
		assertThat(browser.findElement(By.id("case-status")).getText()).isEqualTo("待受理");
		assertThat(browser.findElement(By.id("acceptance-due")).getText()).contains("5 个工作日");
		String id = browser.getCurrentUrl().replaceAll(".*/cases/([0-9a-f-]+).*", "$1");
		assertThat(jdbc.sql("SELECT step FROM cases_case WHERE id = ?").param(UUID.fromString(id)).query(String.class)
				.single()).isEqualTo("accept");

		signIn("clerk");
		browser.get(url("/work"));
		checkPage("work-list");
		Chromium.clickAndWait(browser, browser.findElement(By.cssSelector("#tasks a[href$='/work/cases/" + id + "']")));
		checkPage("clerk-case");
		// the applicant's text is shown as text, never as markup
		assertThat(browser.findElement(By.cssSelector(".case-work")).getText()).contains("<b>请尽快办理</b>");
		Chromium.clickAndWait(browser, browser.findElement(By.id("action-accept")));
		Chromium.clickAndWait(browser, browser.findElement(By.id("confirm-accept")));
		// accepted, the case goes to the item's division: the window's clerk is back at the work list without it
		assertThat(browser.getCurrentUrl()).contains("/work?done=accept");
		assertThat(browser.findElement(By.id("done")).getText()).contains("已转入下一环节");
		checkPage("work-list-done");
		assertThat(browser.findElements(By.cssSelector("#tasks a[href$='/work/cases/" + id + "']"))).isEmpty();
		assertThat(jdbc.sql("SELECT status || ':' || step FROM cases_case WHERE id = ?").param(UUID.fromString(id))
				.query(String.class).single()).isEqualTo("UNDER_REVIEW:review");

		signIn("approver");
		browser.get(url("/work/cases/" + id));
		checkPage("review");
		browser.findElement(By.id("approve-reason")).sendKeys("材料齐全，符合条件");
		Chromium.clickAndWait(browser, browser.findElement(By.id("action-approve")));
		Chromium.clickAndWait(browser, browser.findElement(By.id("confirm-approve")));
		assertThat(browser.findElement(By.id("case-step")).getText()).isEqualTo("决定");
		// four eyes: the reviewer is not offered the decision
		assertThat(browser.findElements(By.id("action-approve"))).isEmpty();

		signIn("approver2");
		browser.get(url("/work/cases/" + id));
		Chromium.clickAndWait(browser, browser.findElement(By.id("action-approve")));
		Chromium.clickAndWait(browser, browser.findElement(By.id("confirm-approve")));
		assertThat(browser.findElement(By.id("case-status")).getText()).isEqualTo("准予许可");
		Chromium.screenshot(browser, "cases-granted-staff");
		checkPage("granted-staff");

		signIn("citizen");
		browser.get(url("/cases/" + id));
		assertThat(browser.findElement(By.id("case-status")).getText()).isEqualTo("准予许可");
		assertThat(browser.findElement(By.id("decision")).getText()).contains("准予许可");
		assertThat(browser.findElement(By.cssSelector("ol.timeline")).getText()).contains("受理", "审查通过", "准予许可");
		Chromium.screenshot(browser, "cases-granted-citizen");
		checkPage("granted-citizen");
	}
}
