package org.tongban.guidance;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.tongban.support.BrowserTest;
import org.tongban.support.Chromium;

/**
 * The 适老化 large-font mode says whether it is on and stays on from page to page; on a phone the material list is
 * cards, 按此申请 is on the first screen and the signed-in navigation folds behind 菜单.
 */
class LargeFontAndPhonesInTheBrowserTests extends BrowserTest {

	static final String RESULT = "/guidance/PD-WJW-XK-001/result?kind=1";

	@Test
	void theLargeFontToggleSaysItsStateAndKeepsItFromPageToPage() {
		signIn("citizen");
		browser.get(url(RESULT));
		WebElement toggle = browser.findElement(By.id("font-toggle"));
		assertThat(toggle.getDomAttribute("aria-pressed")).isEqualTo("false");
		assertThat(toggle.getText()).isEqualTo("大字模式：已关闭");
		double normalRadio = size("/guidance/PD-WJW-XK-001", "input[type=radio]");

		browser.get(url(RESULT));
		browser.findElement(By.id("font-toggle")).click();
		toggle = browser.findElement(By.id("font-toggle"));
		assertThat(toggle.getDomAttribute("aria-pressed")).isEqualTo("true");
		assertThat(toggle.getText()).isEqualTo("大字模式：已开启");
		// how to go back is said next to it, and read out with the button
		WebElement hint = browser.findElement(By.id("font-hint"));
		assertThat(hint.isDisplayed()).isTrue();
		assertThat(hint.getText()).contains("再按一次恢复标准字号");
		assertThat(toggle.getDomAttribute("aria-describedby")).isEqualTo("font-hint");

		// another page, rendered by the server: still on, and saying so
		browser.get(url("/cases"));
		assertThat(browser.findElement(By.tagName("html")).getDomAttribute("class")).contains("large-font");
		assertThat(browser.findElement(By.id("font-toggle")).getDomAttribute("aria-pressed")).isEqualTo("true");
		assertThat(browser.findElement(By.id("font-toggle")).getText()).isEqualTo("大字模式：已开启");
		checkPage("my-cases-large-font");

		// radio buttons grow more than the text around them, and headers keep their words on one line
		double largeRadio = size("/guidance/PD-WJW-XK-001", "input[type=radio]");
		assertThat(largeRadio).isGreaterThanOrEqualTo(28).isGreaterThan(normalRadio * 1.5);
		checkPage("question-large-font");
		browser.get(url(RESULT));
		assertThat(browser.findElement(By.cssSelector("table.materials th")).getCssValue("word-break")).isEqualTo("keep-all");
		checkPage("result-large-font");

		browser.findElement(By.id("font-toggle")).click();
		browser.get(url(RESULT));
		assertThat(browser.findElement(By.tagName("html")).getDomAttribute("class")).doesNotContain("large-font");
		assertThat(browser.findElement(By.id("font-toggle")).getDomAttribute("aria-pressed")).isEqualTo("false");
		assertThat(browser.findElement(By.id("font-toggle")).getText()).isEqualTo("大字模式：已关闭");
	}

	@Test
	void onAPhoneTheMaterialListIsCardsApplyIsOnTheFirstScreenAndTheMenuFolds() {
		signIn("citizen");
		browser.get(url(RESULT));
		Chromium.atWidth(browser, Chromium.PHONE_WIDTH, () -> {
			// 按此申请 without scrolling
			assertThat(top("#apply-online") + height("#apply-online")).isLessThan(Chromium.PHONE_HEIGHT);

			// the material list: one card a row, each value under its column's header
			WebElement table = browser.findElement(By.cssSelector("table.materials.needed"));
			assertThat(table.getCssValue("display")).isEqualTo("block");
			WebElement cell = table.findElement(By.cssSelector("tbody tr td:nth-child(2)"));
			assertThat(cell.getCssValue("display")).isEqualTo("block");
			assertThat(cell.getDomAttribute("data-label")).isEqualTo("形式");
			assertThat((String) browser.executeScript(
					"return getComputedStyle(arguments[0], '::before').content;", cell)).contains("形式");
			// the table is still a table to a screen reader
			assertThat(table.getDomAttribute("role")).isEqualTo("table");
			assertThat(cell.getDomAttribute("role")).isEqualTo("cell");

			// the header: the navigation folds behind 菜单, which opens it and Escape closes it again
			WebElement menu = browser.findElement(By.id("nav-toggle"));
			assertThat(menu.isDisplayed()).isTrue();
			assertThat(menu.getDomAttribute("aria-expanded")).isEqualTo("false");
			assertThat(browser.findElement(By.cssSelector("#site-menu a[href$='/cases']")).isDisplayed()).isFalse();
			assertThat(height(".site-header")).isLessThan(140);
			menu.click();
			assertThat(menu.getDomAttribute("aria-expanded")).isEqualTo("true");
			WebElement mine = browser.findElement(By.cssSelector("#site-menu a[href$='/cases']"));
			assertThat(mine.isDisplayed()).isTrue();
			mine.sendKeys(Keys.ESCAPE);
			assertThat(menu.getDomAttribute("aria-expanded")).isEqualTo("false");
			assertThat(browser.switchTo().activeElement().getDomAttribute("id")).isEqualTo("nav-toggle");

			// in large-font mode too, 按此申请 is on the first screen
			browser.findElement(By.id("font-toggle")).click();
			browser.navigate().refresh();
			assertThat(top("#apply-online") + height("#apply-online")).isLessThan(Chromium.PHONE_HEIGHT);
			browser.findElement(By.id("font-toggle")).click();
		});
		checkPage("result");

		// on a wide screen the same table is a table, and the menu button is not there
		assertThat(browser.findElement(By.cssSelector("table.materials.needed")).getCssValue("display")).isEqualTo("table");
		assertThat(browser.findElement(By.id("nav-toggle")).isDisplayed()).isFalse();
		assertThat(browser.findElement(By.cssSelector("#site-menu a[href$='/cases']")).isDisplayed()).isTrue();
	}

	private double size(String path, String css) {
		browser.get(url(path));
		return ((Number) browser.executeScript("return arguments[0].getBoundingClientRect().width;",
				browser.findElement(By.cssSelector(css)))).doubleValue();
	}

	private double top(String css) {
		return ((Number) browser.executeScript("return document.querySelector(arguments[0]).getBoundingClientRect().top;",
				css)).doubleValue();
	}

	private double height(String css) {
		return ((Number) browser.executeScript("return document.querySelector(arguments[0]).getBoundingClientRect().height;",
				css)).doubleValue();
	}
}
