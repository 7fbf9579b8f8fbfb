package org.tongban.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.tongban.support.BrowserTest;
import org.tongban.support.Chromium;

/**
 * A walk-in at the window, as the clerk goes through it: a Hong Kong resident with a 港澳居民来往内地通行证, a number
 * typed wrong and put right, the paper originals recorded, the submission confirmed, and the receipt (收件凭证)
 * with the number and 查询码 ready to print; then anyone with both follows the case without an account.
 */
class WalkingInAtTheWindowInTheBrowserTests extends BrowserTest {

	private static final String ITEM = "PD-WJW-XK-008";

	@Test
	void aWalkInGetsACaseAReceiptAndAWayToFollowIt() throws Exception {
		signIn("clerk");
		browser.get(url("/work/window"));
		checkPage("window");
		browser.findElement(By.id("window-item")).sendKeys(ITEM);
		Chromium.clickAndWait(browser, browser.findElement(By.id("window-pick-submit")));
		checkPage("window-form");

		new Select(browser.findElement(By.id("window-idType"))).selectByValue("HK_MACAO_PERMIT");
		browser.findElement(By.id("window-name")).sendKeys("陈大文");
		browser.findElement(By.id("window-idNumber")).sendKeys("H1234567");
		browser.findElement(By.id("window-phone")).sendKeys("13900000007");
		browser.findElement(By.id("window-checked")).sendKeys(Keys.SPACE);
		Chromium.clickAndWait(browser, browser.findElement(By.id("window-open")));
		// seven digits after the H: refused beside the number, the rest kept
		assertThat(browser.findElement(By.id("window-idNumber-error")).getText()).isNotBlank();
		assertThat(browser.findElement(By.id("window-name")).getAttribute("value")).isEqualTo("陈大文");
		checkPage("window-refused");
		WebElement number = browser.findElement(By.id("window-idNumber"));
		number.clear();
		number.sendKeys("H12345678");
		Chromium.clickAndWait(browser, browser.findElement(By.id("window-open")));
		assertThat(browser.findElement(By.id("opened-notice")).getText()).contains("已为申请人 陈大文 建立办件草稿");
		checkPage("window-draft");

		// the originals handed over at the counter
		for (String material : applications.requiredUploads(ITEM, "NEW")) {
			Chromium.clickAndWait(browser, browser.findElement(By.xpath(
					"//form[input[@name='material' and @value='" + material + "']]//button[starts-with(@id, 'paper-')]")));
		}
		Chromium.clickAndWait(browser, browser.findElement(By.id("submit-case")));
		assertThat(browser.findElement(By.id("confirm-consequences")).getText()).contains("请告知申请人");
		checkPage("window-confirm");
		Chromium.clickAndWait(browser, browser.findElement(By.id("confirm-submit")));
		String caseNumber = browser.findElement(By.id("case-number-value")).getText();
		String queryCode = browser.findElement(By.id("case-query-code")).getText();
		assertThat(browser.findElement(By.id("submitted-notice-clerk")).getText())
			.contains("已为申请人 陈大文 提交办件 " + caseNumber);
		WebElement receipt = new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> d.findElements(
				By.xpath("//div[@id='case-documents']//a[contains(., '收件凭证')]")).stream().findFirst().orElse(null));
		assertThat(receipt.getAttribute("href")).contains("/documents/");
		checkPage("window-submitted");

		// the applicant, at home, without an account
		browser.manage().deleteAllCookies();
		browser.get(url("/track"));
		browser.findElement(By.id("track-number")).sendKeys(caseNumber);
		browser.findElement(By.id("track-code")).sendKeys(queryCode);
		Chromium.clickAndWait(browser, browser.findElement(By.id("track-submit")));
		assertThat(browser.findElement(By.tagName("body")).getText()).contains(caseNumber).contains("放射工作人员证")
			.doesNotContain("陈大文");
		checkPage("track");
	}
}
