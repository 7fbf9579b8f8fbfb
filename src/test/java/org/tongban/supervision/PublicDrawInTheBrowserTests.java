package org.tongban.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tongban.support.BrowserTest;
import org.tongban.support.Chromium;

/**
 * The planner makes a plan on the institute's page (a bad ratio comes back next to its field, what was typed
 * kept), draws it, and anyone sees the draw on the public page: the seed, the algorithm, the entities and the
 * inspectors by code only — no inspector's name or account anywhere on the page.
 */
class PublicDrawInTheBrowserTests extends BrowserTest {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Inspectors inspectors;

	@Test
	void thePlannerDrawsAndThePublicSeesTheDrawWithoutPersonalData() {
		signIn("supervisor");
		browser.get(url("/supervision"));
		checkPage("supervision-plans");
		new Select(browser.findElement(By.id("sector"))).selectByVisibleText("医疗美容");
		browser.findElement(By.id("period")).sendKeys("2026-H2");
		browser.findElement(By.id("ratio-A")).clear();
		browser.findElement(By.id("ratio-A")).sendKeys("150");
		Chromium.clickAndWait(browser, browser.findElement(By.id("create-plan")));
		assertThat(browser.findElement(By.id("ratio-A-error")).getText()).contains("应在 0% 到 100% 之间");
		assertThat(browser.findElement(By.id("ratio-A")).getAttribute("aria-invalid")).isEqualTo("true");
		assertThat(browser.findElement(By.id("period")).getAttribute("value")).isEqualTo("2026-H2");
		checkPage("supervision-plan-refused");

		browser.findElement(By.id("ratio-A")).clear();
		browser.findElement(By.id("ratio-A")).sendKeys("50");
		Chromium.clickAndWait(browser, browser.findElement(By.id("create-plan")));
		assertThat(browser.findElements(By.id("done"))).as(browser.findElement(By.tagName("main")).getText()).isNotEmpty();
		assertThat(browser.findElement(By.id("done")).getText()).contains("计划已制定并公开");
		String planId = jdbc.sql("SELECT id::text FROM supervision_plan WHERE period = '2026-H2' AND sector = 'MEDICAL_BEAUTY' "
				+ "ORDER BY created_at DESC LIMIT 1").query(String.class).single();
		Chromium.clickAndWait(browser, browser.findElement(By.id("draw-" + planId)));

		// the planner lands on the public page of the draw; the public sees the same page signed out
		String drawPage = browser.getCurrentUrl();
		assertThat(drawPage).contains("/public/draws/");
		browser.manage().deleteAllCookies();
		browser.get(drawPage);
		String seed = jdbc.sql("SELECT seed FROM supervision_plan WHERE id = ?::uuid").param(planId).query(String.class).single();
		assertThat(browser.findElement(By.id("seed")).getText()).isEqualTo(seed);
		assertThat(browser.findElements(By.cssSelector("#result tbody tr"))).isNotEmpty();
		assertThat(browser.findElement(By.cssSelector("#result tbody tr td:nth-child(5)")).getText()).matches("检-\\d{4}、检-\\d{4}");
		String page = browser.getPageSource();
		assertThat(page).doesNotContain("孙科长", "supervisor", "赵监督员", "钱监督员", "inspector2");
		for (String name : inspectors.names().values()) {
			assertThat(page).doesNotContain(name);
		}
		checkPage("public-draw");

		browser.get(url("/public/draws"));
		assertThat(browser.findElement(By.id("plans")).getText()).contains("医疗美容", "2026-H2", seed);
		checkPage("public-draws");
	}
}
