package org.tongban.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.tongban.support.BrowserTest;
import org.tongban.support.Chromium;

/**
 * A penalty in the browser: the inspector opens a case and proposes a fine below the baseline; without a reason it
 * comes back with the complaint beside the field and the input kept; with one it goes to legal review, the demo
 * legal reviewer approves, the planner decides and publishes, and the public list shows the decision.
 */
class PenaltyInTheBrowserTests extends BrowserTest {

	@Autowired
	Register register;

	@Test
	void theInspectorProposesTheReviewerApprovesAndThePlannerDecidesAndPublishes() {
		String uscc = DemoDistrict.uscc(new SplittableRandom());
		register.register(new Register.NewEntity(uscc, "上海浏览器测试浴室有限公司", "PUBLIC_PLACE", "上海市浦东新区张杨路 11 号",
				"陆家嘴街道"));
		signIn("inspector");
		Chromium.clickAndWait(browser, browser.findElement(By.cssSelector("nav a[href$='/supervision/penalties']")));
		checkPage("penalties");
		browser.findElement(By.id("uscc")).sendKeys(uscc);
		browser.findElement(By.id("summary")).sendKeys("日常检查发现 2 名从业人员无健康合格证明上岗");
		Chromium.clickAndWait(browser, browser.findElement(By.id("open-case")));
		assertThat(browser.findElement(By.id("status")).getText()).isEqualTo("已立案");
		String caseUrl = browser.getCurrentUrl();

		new Select(browser.findElement(By.id("violation"))).selectByValue("PP-HEALTH-CERT");
		new Select(browser.findElement(By.id("circumstance"))).selectByValue("GENERAL");
		browser.findElement(By.id("measure-WARNING")).click();
		browser.findElement(By.id("measure-FINE")).click();
		browser.findElement(By.id("fine")).sendKeys("1000");
		browser.findElement(By.id("facts")).sendKeys("现场检查笔录和照片证实 2 名从业人员无有效健康合格证明直接为顾客服务。");
		Chromium.clickAndWait(browser, browser.findElement(By.id("propose")));
		assertThat(browser.findElement(By.id("departureReason-error")).getText()).contains("超出裁量基准", "1500–5000");
		assertThat(browser.findElement(By.id("departureReason")).getAttribute("aria-invalid")).isEqualTo("true");
		assertThat(browser.findElement(By.id("fine")).getAttribute("value")).isEqualTo("1000");
		assertThat(browser.findElement(By.id("measure-FINE")).isSelected()).isTrue();
		checkPage("penalty-refused");
		browser.findElement(By.id("departureReason")).sendKeys("当事人当场改正并主动消除危害后果，依《行政处罚法》第三十二条从轻处罚");
		Chromium.clickAndWait(browser, browser.findElement(By.id("propose")));
		assertThat(browser.findElement(By.id("status")).getText()).isEqualTo("待法制审核");
		assertThat(browser.findElement(By.id("departures")).getText()).contains("基准幅度 1500–5000");
		assertThat(browser.findElements(By.id("decide-form"))).isEmpty();

		signIn("legal");
		browser.get(caseUrl);
		browser.findElement(By.id("outcome-approve")).click();
		browser.findElement(By.id("opinion")).sendKeys("事实清楚，从轻理由成立，同意。");
		Chromium.clickAndWait(browser, browser.findElement(By.id("review")));
		assertThat(browser.findElement(By.id("status")).getText()).isEqualTo("法制审核通过，待决定");
		assertThat(browser.findElements(By.id("review-form"))).isEmpty();

		signIn("supervisor");
		browser.get(caseUrl);
		checkPage("penalty-approved");
		String number = "浦卫监罚〔2026〕浏览器" + UUID.randomUUID().toString().substring(0, 6) + "号";
		browser.findElement(By.id("documentNumber")).sendKeys(number);
		Chromium.clickAndWait(browser, browser.findElement(By.id("decide")));
		assertThat(browser.findElement(By.id("done")).getText()).contains("已作出处罚决定");
		assertThat(browser.findElement(By.id("decided")).getText()).contains(number, "前公示");
		assertThat(browser.findElement(By.id("record")).getText()).contains("OPENED", "PROPOSED", "REVIEWED", "DECIDED");
		assertThat(browser.findElement(By.id("record-intact")).getText()).contains("记录链完整");
		Chromium.clickAndWait(browser, browser.findElement(By.id("publish")));
		assertThat(browser.findElement(By.id("status")).getText()).isEqualTo("已公示");

		browser.manage().deleteAllCookies();
		browser.get(url("/public/penalties"));
		assertThat(browser.findElement(By.id("penalties")).getText()).contains(number, "上海浏览器测试浴室有限公司", uscc,
				"警告；罚款人民币 1000 元").doesNotContain("inspector");
		checkPage("public-penalties");
	}
}
