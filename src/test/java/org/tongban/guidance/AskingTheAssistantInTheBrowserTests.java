package org.tongban.guidance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.tongban.support.BrowserTest;
import org.tongban.support.Chromium;

/** A nurse asks the assistant in the browser, with the keyboard only, and follows a citation to the guide. */
class AskingTheAssistantInTheBrowserTests extends BrowserTest {

	@Autowired
	GuideSearch search;

	@BeforeEach
	void indexReady() throws Exception {
		search.awaitIdle(5, TimeUnit.MINUTES);
	}

	@Test
	void aNurseAsksAndFollowsTheCitationToTheGuide() {
		browser.get(url("/assistant"));
		checkPage("assistant");
		WebElement question = browser.findElement(By.id("question"));
		question.sendKeys("换医院了护士证怎么办");
		// keyboard only: Tab to the button, Enter to ask; htmx puts the answer into the live region
		question.sendKeys(Keys.TAB);
		browser.switchTo().activeElement().sendKeys(Keys.ENTER);
		By citation = By.cssSelector("#answers a[href*='/catalogue/items/PD-WJW-XK-001']");
		WebElement link = new WebDriverWait(browser, Duration.ofSeconds(20))
			.until(ExpectedConditions.visibilityOfElementLocated(citation));
		assertThat(link.getText()).contains("护士执业注册");
		assertThat(browser.findElement(By.id("answers")).getText()).contains("变更注册");
		assertThat(browser.findElement(By.id("answers")).getAttribute("aria-live")).isEqualTo("polite");
		// it was htmx, not a page load: the typed question is still in the box
		assertThat(browser.findElement(By.id("question")).getAttribute("value")).isEqualTo("换医院了护士证怎么办");
		Chromium.screenshot(browser, "assistant-answer");
		checkPage("assistant-answer");

		Chromium.clickAndWait(browser, link);
		assertThat(browser.getCurrentUrl()).contains("#situation-CHANGE");
		assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("护士执业注册");
		assertThat(browser.findElement(By.cssSelector("#situation-CHANGE h3")).getText()).contains("变更注册");
		checkPage("item");
	}
}
