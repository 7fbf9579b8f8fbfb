package org.tongban.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tongban.identity.AccountManagement;
import org.tongban.support.Accessibility;
import org.tongban.support.Applying;
import org.tongban.support.BrowserTest;
import org.tongban.support.Chromium;

/**
 * An inspector on site with a phone: finds the inspection on their own list, takes photos (a PDF renamed to .jpg is
 * refused with the reason beside the field), fills in the form — one item forgotten comes back with its complaint
 * and the rest kept, an item chosen by keyboard —, orders rectification, reads the result in large-font mode and
 * records the follow-up (refused without a photo).
 * Every page passes axe-core at 390 px.
 */
class InspectingInTheBrowserTests extends BrowserTest {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Register register;

	@Autowired
	Draws draws;

	@Autowired
	Inspectors inspectors;

	@Autowired
	AccountManagement accounts;

	@Autowired
	InspectionForms forms;

	@Test
	void anInspectorFillsInTheFormOnAPhone() throws Exception {
		var d = InspectionFixture.draw(jdbc, register, draws, inspectors, accounts, Sector.PUBLIC_PLACE, "2026-12");
		List<InspectionForms.Item> items = forms.of(Sector.PUBLIC_PLACE).items();
		Path disguised = Files.createTempFile("现场", ".jpg");
		Files.write(disguised, Applying.pdf("not a photo"));
		Path photo = Files.createTempFile("现场", ".jpg");
		Files.write(photo, InspectionFixture.image("jpg"));
		try {
			browser.manage().deleteAllCookies();
			browser.get(url("/login"));
			browser.findElement(By.id("username")).sendKeys(d.inspector());
			browser.findElement(By.id("password")).sendKeys(d.password());
			Chromium.clickAndWait(browser, browser.findElement(By.cssSelector("form[action$='/login'] button[type=submit]")));

			Chromium.atWidth(browser, Chromium.PHONE_WIDTH, () -> {
				// the folded menu on a phone
				browser.findElement(By.id("nav-toggle")).click();
				Chromium.clickAndWait(browser, browser.findElement(By.cssSelector("#site-menu a[href$='/supervision/inspections']")));
				assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("我的监督检查任务");
				Accessibility.check(browser, "inspections (390 px)");
				Chromium.clickAndWait(browser, browser.findElement(By.cssSelector("#inspection-" + d.inspection() + " a")));
				assertThat(browser.findElement(By.id("uscc")).getText()).isEqualTo(d.uscc());
				assertThat(browser.findElement(By.id("outcome")).getText()).isEqualTo("未检查");
				assertThat(browser.findElement(By.id("photo")).getAttribute("accept")).isEqualTo("image/*");
				assertThat(browser.findElement(By.id("photo")).getAttribute("capture")).isEqualTo("environment");
			});
			checkPage("inspection-form");
			Chromium.atWidth(browser, Chromium.PHONE_WIDTH, () -> {
				// a PDF renamed to .jpg
				browser.findElement(By.id("photo")).sendKeys(disguised.toString());
				Chromium.clickAndWait(browser, browser.findElement(By.id("upload-photo")));
				assertThat(browser.findElement(By.id("photo-error")).getText()).contains("不是照片", "PDF 文档", "不是扩展名");
				assertThat(browser.findElement(By.id("photo")).getAttribute("aria-invalid")).isEqualTo("true");
				Accessibility.check(browser, "photo refused (390 px)");
				browser.findElement(By.id("photo")).sendKeys(photo.toString());
				Chromium.clickAndWait(browser, browser.findElement(By.id("upload-photo")));
				assertThat(browser.findElement(By.id("done")).getText()).contains("照片已上传");
				assertThat(browser.findElements(By.cssSelector("#photo-list img"))).hasSize(1);

				// every item but the second; the third does not comply
				for (int n = 0; n < items.size(); n++) {
					if (n == 1) {
						continue;
					}
					String result = n == 2 ? "NON_COMPLIANT" : "COMPLIANT";
					browser.findElement(By.cssSelector("label:has(#result-" + items.get(n).code() + "-" + result + ")")).click();
				}
				browser.findElement(By.id("note-" + items.get(2).code())).sendKeys("消毒间未分区，<b>毛巾</b>混放");
				browser.findElement(By.id("findings")).sendKeys("现场检查发现顾客用品用具消毒不规范。");
				browser.findElement(By.id("workingDays")).sendKeys("5");
				browser.findElement(By.id("requirement")).sendKeys("设置专用消毒间，分类存放清洗消毒后的用品用具。");
				Chromium.clickAndWait(browser, browser.findElement(By.id("finish-inspection")));
				String second = items.get(1).code();
				assertThat(browser.findElement(By.id("result-" + second + "-error")).getText())
					.isEqualTo("第 2 项“" + items.get(1).item() + "”未填写检查结果（符合、不符合或不适用）");
				assertThat(browser.findElement(By.id("result-" + second + "-COMPLIANT")).getAttribute("aria-invalid"))
					.isEqualTo("true");
				assertThat(browser.findElement(By.id("result-" + items.get(2).code() + "-NON_COMPLIANT")).isSelected()).isTrue();
				assertThat(browser.findElement(By.id("note-" + items.get(2).code())).getAttribute("value"))
					.isEqualTo("消毒间未分区，<b>毛巾</b>混放");
				assertThat(browser.findElement(By.id("workingDays")).getAttribute("value")).isEqualTo("5");
				Accessibility.check(browser, "form refused (390 px)");

				// the forgotten item by keyboard: Space on the focused radio button
				browser.findElement(By.id("result-" + second + "-COMPLIANT")).sendKeys(Keys.SPACE);
				assertThat(browser.findElement(By.id("result-" + second + "-COMPLIANT")).isSelected()).isTrue();
				Chromium.clickAndWait(browser, browser.findElement(By.id("finish-inspection")));
				assertThat(browser.findElement(By.id("done")).getText()).contains("检查结果已保存");
				assertThat(browser.findElement(By.id("outcome")).getText()).isEqualTo("责令改正");
				assertThat(browser.findElement(By.cssSelector("#result-" + items.get(2).code() + " .result")).getText())
					.isEqualTo("不符合");
				assertThat(browser.findElement(By.id("order-status")).getText()).contains("待复查");
				assertThat(browser.findElement(By.id("record-state")).getText()).contains("记录链校验一致");
				assertThat(browser.findElements(By.cssSelector("#steps li"))).hasSize(3);
				assertThat(browser.findElement(By.id("follow-up-photo")).getAttribute("capture")).isEqualTo("environment");
				// nothing wider than the phone
				Number scroll = (Number) browser.executeScript("return document.documentElement.scrollWidth;");
				assertThat(scroll.intValue()).isLessThanOrEqualTo(Chromium.PHONE_WIDTH);
				Accessibility.check(browser, "inspection finished (390 px)");

				// large-font mode: the page still fits and still passes
				browser.findElement(By.id("font-toggle")).click();
				assertThat(browser.findElement(By.tagName("html")).getAttribute("class")).contains("large-font");
				Number wide = (Number) browser.executeScript("return document.documentElement.scrollWidth;");
				assertThat(wide.intValue()).isLessThanOrEqualTo(Chromium.PHONE_WIDTH);
				Accessibility.check(browser, "inspection large font (390 px)");

				// the follow-up: a photo is required, the complaint beside the field and the note kept
				browser.findElement(By.cssSelector("label:has(#rectified-yes)")).click();
				browser.findElement(By.id("follow-up-note")).sendKeys("已设置专用消毒间");
				Chromium.clickAndWait(browser, browser.findElement(By.id("record-follow-up")));
				assertThat(browser.findElement(By.id("follow-up-photo-error")).getText()).isEqualTo("复查须附现场照片");
				assertThat(browser.findElement(By.id("follow-up-note")).getAttribute("value")).isEqualTo("已设置专用消毒间");
				assertThat(browser.findElement(By.id("rectified-yes")).isSelected()).isTrue();
				Accessibility.check(browser, "follow-up refused (390 px)");
				browser.findElement(By.id("follow-up-photo")).sendKeys(photo.toString());
				Chromium.clickAndWait(browser, browser.findElement(By.id("record-follow-up")));
				assertThat(browser.findElement(By.id("done")).getText()).contains("复查结果已保存");
				assertThat(browser.findElement(By.id("outcome")).getText()).isEqualTo("已整改");
				assertThat(browser.findElements(By.id("follow-up-form"))).isEmpty();
				assertThat(browser.findElements(By.cssSelector("#steps li"))).hasSize(5);
			});
			checkPage("inspection-rectified-large-font");
		}
		finally {
			Files.deleteIfExists(disguised);
			Files.deleteIfExists(photo);
		}
	}
}
