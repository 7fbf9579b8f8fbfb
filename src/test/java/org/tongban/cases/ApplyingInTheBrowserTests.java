package org.tongban.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.tongban.support.BrowserTest;
import org.tongban.support.Chromium;

/** A citizen applies online in Chromium: guidance result → 按此申请 → upload → submit → 我的办件. */
class ApplyingInTheBrowserTests extends BrowserTest {

	@Test
	void aCitizenAppliesOnlineFromTheGuidanceResultToSubmission() throws Exception {
		signIn("citizen");
		browser.get(url("/guidance/PD-WJW-XK-001/result?kind=1"));
		checkPage("guidance-result");
		Chromium.clickAndWait(browser, browser.findElement(By.id("apply-online")));
		assertThat(browser.getCurrentUrl()).contains("/cases/new");
		assertThat(browser.findElement(By.id("applicant-name")).getAttribute("value")).isEqualTo("张三");
		assertThat(browser.findElement(By.id("applicant-idNumber")).getAttribute("value"))
				.isEqualTo("310115198503151230");
		checkPage("application-form");
		browser.findElement(By.id("form-note")).sendKeys("浏览器测试");
		Chromium.clickAndWait(browser, browser.findElement(By.cssSelector("form[action$='/cases'] button[type=submit]")));
		assertThat(browser.findElement(By.id("case-status")).getText()).isEqualTo("草稿");
		checkPage("draft");

		Path png = Files.createTempFile("离职证明", ".png");
		ImageIO.write(new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB), "png", png.toFile());
		var upload = browser.findElement(By.xpath(
				"//tr[td[1][normalize-space()='原执业机构出具的解聘或离职证明']]//form"));
		upload.findElement(By.name("file")).sendKeys(png.toAbsolutePath().toString());
		Chromium.clickAndWait(browser, upload.findElement(By.cssSelector("button[type=submit]")));
		assertThat(browser.findElement(By.id("materials")).getText()).contains(png.getFileName().toString());
		uploadRequired("PD-WJW-XK-001", "CHANGE");

		Chromium.clickAndWait(browser, browser.findElement(By.id("submit-case")));
		Chromium.clickAndWait(browser, browser.findElement(By.id("confirm-submit")));
		assertThat(browser.findElement(By.id("submitted-notice")).getText()).contains("已提交，办件编号");
		assertThat(browser.findElement(By.id("case-status")).getText()).isEqualTo("待受理");
		String caseUrl = browser.getCurrentUrl().replaceAll("\\?.*", "");
		Chromium.screenshot(browser, "cases-submitted");
		checkPage("submitted");

		browser.get(url("/cases"));
		assertThat(browser.findElement(By.cssSelector("table.case-list")).getText()).contains("护士执业注册");
		checkPage("my-cases");
		assertThat(browser.findElements(By.cssSelector("a[href$='" + caseUrl.substring(caseUrl.indexOf("/cases/")) + "']")))
				.isNotEmpty();
		Files.deleteIfExists(png);
	}
}
