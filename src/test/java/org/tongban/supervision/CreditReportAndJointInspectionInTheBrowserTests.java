package org.tongban.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.tongban.support.Chromium;

/**
 * A clinic asks for its 专用信用报告 in the browser (a missing purpose comes back beside the field), reads it and opens
 * the verification page its QR code names; a planner makes a joint inspection plan (no partner is configured here, so
 * each part waits and says why) and records the commission's finding.
 */
class CreditReportAndJointInspectionInTheBrowserTests extends EnterpriseBrowserTest {

	@Test
	void aClinicGetsItsCreditReportAndAnyoneVerifiesIt() {
		String uscc = signInAsNewEnterprise("上海报告测试口腔诊所有限公司", "MEDICAL", "上海市浦东新区张杨路 9 号");

		Chromium.clickAndWait(browser, browser.findElement(By.linkText("信用报告")));
		assertThat(browser.findElement(By.tagName("main")).getText()).contains(uscc, "暂无报告");
		checkPage("credit-report-form");
		Chromium.clickAndWait(browser, browser.findElement(By.id("issue-credit-report")));
		assertThat(browser.findElement(By.id("purpose-error")).getText()).contains("请写明报告用途");
		assertThat(browser.findElement(By.id("purpose")).getAttribute("aria-invalid")).isEqualTo("true");
		checkPage("credit-report-refused");

		browser.findElement(By.id("purpose")).sendKeys("招投标");
		Chromium.clickAndWait(browser, browser.findElement(By.id("issue-credit-report")));
		assertThat(browser.getCurrentUrl()).contains("/supervision/credit-reports/");
		assertThat(browser.findElement(By.id("conclusion")).getText()).contains("未发现");
		String number = browser.findElement(By.id("number")).getText();
		assertThat(number).startsWith("XYBG");
		checkPage("credit-report");

		// the verification page, signed out, as the QR code opens it
		String verify = browser.findElement(By.id("verify-link")).getAttribute("href");
		browser.manage().deleteAllCookies();
		browser.get(url(verify.substring(verify.indexOf("/public/"))));
		assertThat(browser.findElement(By.id("verdict")).getText()).contains("核验通过");
		assertThat(browser.findElement(By.id("report-particulars")).getText()).contains(uscc, "招投标");
		checkPage("credit-report-verified");
	}

	@Test
	void aPlannerPlansAJointInspectionAndTheCommissionRecordsItsFinding() {
		String uscc = DemoDistrict.uscc(new SplittableRandom());
		register.register(new Register.NewEntity(uscc, "上海联合检查测试医疗美容门诊部", "MEDICAL_BEAUTY", "上海市浦东新区张杨路 10 号",
				"陆家嘴街道"));
		signIn("supervisor");
		Chromium.clickAndWait(browser, browser.findElement(By.linkText("联合检查")));
		checkPage("joint-inspections");
		browser.findElement(By.id("title")).sendKeys("医疗美容机构联合检查");
		// a date input takes typing in the browser's locale; set its value as the date picker would
		browser.executeScript("arguments[0].value = '2026-06-22'", browser.findElement(By.id("visitOn")));
		browser.findElement(By.id("authority-SAMR")).click();
		browser.findElement(By.id("authority-DRUG")).click();
		browser.findElement(By.id("usccs")).sendKeys(uscc);
		Chromium.clickAndWait(browser, browser.findElement(By.id("submit-joint")));

		assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("医疗美容机构联合检查");
		assertThat(browser.findElement(By.id("share-SAMR")).getText()).contains("等待发送", "尚未配置");
		assertThat(browser.findElement(By.id("visit-" + uscc)).getText()).contains("尚未记录");
		checkPage("joint-inspection");

		browser.findElement(By.id("outcome-non-compliant")).click();
		browser.findElement(By.id("findings")).sendKeys("未公示医疗美容项目目录");
		Chromium.clickAndWait(browser, browser.findElement(By.id("submit-finding")));
		assertThat(browser.findElement(By.id("done")).getText()).contains("已记录本委");
		assertThat(browser.findElement(By.cssSelector("#visit-" + uscc + " li[data-authority=HEALTH] .finding")).getText())
			.contains("发现问题", "未公示医疗美容项目目录");
		checkPage("joint-inspection-recorded");
	}
}
