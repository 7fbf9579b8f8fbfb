package org.tongban.guidance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.springframework.beans.factory.annotation.Autowired;
import org.tongban.support.BrowserTest;
import org.tongban.support.Chromium;

/** A citizen asks in her own words on the home page and reaches the right guide. */
class SearchingFromThePortalInTheBrowserTests extends BrowserTest {

	@Autowired
	GuideSearch search;

	@BeforeEach
	void indexReady() throws Exception {
		search.awaitIdle(5, TimeUnit.MINUTES);
	}

	@Test
	void aNurseChangingHospitalsFindsNurseRegistrationFromTheHomePage() {
		browser.get(url("/"));
		browser.manage().window().setSize(new Dimension(1280, 2000));
		Chromium.screenshot(browser, "portal-home");
		browser.manage().window().setSize(new Dimension(1280, 1000));
		checkPage("home");

		// by keyboard: the search box is the first thing after the header (skip link, brand, nav, tools)
		for (int tabs = 0; tabs < 8 && !"q".equals(browser.switchTo().activeElement().getAttribute("id")); tabs++) {
			new Actions(browser).sendKeys(Keys.TAB).perform();
		}
		WebElement box = browser.switchTo().activeElement();
		assertThat(box.getAttribute("id")).isEqualTo("q");
		box.sendKeys("换医院了护士证怎么办");
		Chromium.clickAndWait(browser, browser.findElement(By.cssSelector("form[role=search] button[type=submit]")));

		assertThat(browser.findElement(By.id("q")).getAttribute("value")).isEqualTo("换医院了护士证怎么办");
		WebElement first = browser.findElement(By.cssSelector(".portal-results li a"));
		assertThat(first.getText()).isEqualTo("护士执业注册");
		Chromium.screenshot(browser, "portal-search-results");
		checkPage("search-results");

		// the 适老化 large-font mode keeps the page usable: the box, the button and the results still there
		browser.findElement(By.id("font-toggle")).click();
		assertThat(browser.findElement(By.tagName("html")).getAttribute("class")).contains("large-font");
		Chromium.screenshot(browser, "portal-search-results-large-font");
		checkPage("search-results-large-font");
		browser.findElement(By.id("font-toggle")).click();

		Chromium.clickAndWait(browser, first);
		assertThat(browser.getCurrentUrl()).endsWith("/catalogue/items/PD-WJW-XK-001");
		assertThat(browser.findElement(By.tagName("h1")).getText()).contains("护士执业注册");
		checkPage("item");
	}
}
