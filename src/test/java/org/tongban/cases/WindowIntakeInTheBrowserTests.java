package org.tongban.cases;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.tongban.support.BrowserTest;
import org.tongban.support.Chromium;

/** The window with the keyboard only: the item typed, the applicant kind switched, a mistake put right. */
class WindowIntakeInTheBrowserTests extends BrowserTest {

	@Test
	void theClerkFindsTheItemSwitchesTheKindAndCorrectsAWrongCheckDigit() throws Exception {
		signIn("clerk");
		browser.get(url("/work/window"));
		WebElement item = browser.findElement(By.id("window-item"));
		assertThat(item.getAttribute("list")).isEqualTo("window-items");
		item.sendKeys("PD-WJW-XK-008");
		Chromium.clickAndWait(browser, browser.findElement(By.id("window-pick-submit")));
		assertThat(browser.findElement(By.cssSelector("#window-form h2")).getText()).contains("放射工作人员证发放");

		// both kinds: the chosen one's fields show, the other's are hidden
		WebElement person = browser.findElement(By.id("window-person"));
		WebElement enterprise = browser.findElement(By.id("window-enterprise"));
		assertThat(person.isDisplayed()).isTrue();
		assertThat(enterprise.isDisplayed()).isFalse();
		browser.findElement(By.id("window-kind-enterprise")).sendKeys(Keys.SPACE);
		assertThat(enterprise.isDisplayed()).isTrue();
		assertThat(person.isDisplayed()).isFalse();
		browser.findElement(By.id("window-kind-person")).sendKeys(Keys.SPACE);
		assertThat(person.isDisplayed()).isTrue();

		browser.findElement(By.id("window-name")).sendKeys("李四");
		browser.findElement(By.id("window-idNumber")).sendKeys("310115199002201223");
		browser.findElement(By.id("window-phone")).sendKeys("13900000001");
		browser.findElement(By.id("window-checked")).sendKeys(Keys.SPACE);
		Chromium.clickAndWait(browser, browser.findElement(By.id("window-open")));

		// back on the same page, the message beside the number, everything kept
		WebElement number = browser.findElement(By.id("window-idNumber"));
		assertThat(number.getAttribute("aria-invalid")).isEqualTo("true");
		assertThat(browser.findElement(By.id("window-idNumber-error")).getText()).contains("校验位");
		assertThat(browser.findElement(By.id("window-name")).getAttribute("value")).isEqualTo("李四");
		assertThat(browser.findElement(By.id("window-checked")).isSelected()).isTrue();
		assertThat(browser.findElement(By.id("window-person")).isDisplayed()).isTrue();
		Chromium.screenshot(browser, "window-error-beside-field");

		number.clear();
		number.sendKeys("310115199002201222");
		Chromium.clickAndWait(browser, browser.findElement(By.id("window-open")));
		assertThat(browser.findElement(By.id("opened-notice")).getText()).contains("已为申请人 李四 建立办件草稿");
	}

	@Test
	void choosingAnEntryOfTheListLoadsItsFormInPlace() throws Exception {
		signIn("clerk");
		browser.get(url("/work/window"));
		// what the browser does when the clerk picks an entry of the datalist: the field takes its value
		((org.openqa.selenium.JavascriptExecutor) browser).executeScript("""
				var i = document.getElementById('window-item');
				i.value = 'PD-WJW-XK-024 饮用水供水单位卫生许可';
				i.dispatchEvent(new Event('input', {bubbles: true}));""");
		new org.openqa.selenium.support.ui.WebDriverWait(browser, java.time.Duration.ofSeconds(10))
				.until(d -> !d.findElements(By.id("window-form")).isEmpty());
		assertThat(browser.findElement(By.cssSelector("#window-form h2")).getText()).contains("PD-WJW-XK-024");
		// an enterprise-only item: no person fields
		assertThat(browser.findElements(By.id("window-idNumber"))).isEmpty();
		assertThat(browser.findElement(By.id("window-uscc")).isDisplayed()).isTrue();
		assertThat(browser.getCurrentUrl()).contains("item=PD-WJW-XK-024");
		assertThat(browser.findElement(By.id("window-loaded")).getText()).contains("饮用水供水单位卫生许可");
	}
}
