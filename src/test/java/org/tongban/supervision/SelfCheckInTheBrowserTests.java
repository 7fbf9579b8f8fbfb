package org.tongban.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.tongban.support.Chromium;

/**
 * A medical beauty clinic does its 合规体检 in the browser: a question left unanswered comes back with its
 * complaint beside it and the other answers kept; the risk points show the risk, the basis and the fix; it
 * confirms the fixes, and its risk grade drops one step with the reason on the page.
 */
class SelfCheckInTheBrowserTests extends EnterpriseBrowserTest {

	@Autowired
	SelfCheckList lists;

	@Test
	void theEnterpriseAnswersSeesItsRisksAndConfirmsTheFixes() {
		String uscc = signInAsNewEnterprise("上海浏览器测试医疗美容门诊部有限公司", "MEDICAL_BEAUTY", "上海市浦东新区张杨路 9 号");

		Chromium.clickAndWait(browser, browser.findElement(By.linkText("合规体检")));
		assertThat(browser.findElement(By.tagName("main")).getText()).contains(uscc, "医疗美容");
		checkPage("self-check-form");
		var questions = lists.of(Sector.MEDICAL_BEAUTY);
		// every question answered but the third; the second and the seventh answered 否
		for (int i = 0; i < questions.size(); i++) {
			String code = questions.get(i).code();
			if (i == 2) {
				continue;
			}
			String choice = i == 1 || i == 6 ? "no" : "yes";
			browser.findElement(By.cssSelector("label:has(#answer-" + code + "-" + choice + ")")).click();
		}
		Chromium.clickAndWait(browser, browser.findElement(By.id("submit-self-check")));
		String third = questions.get(2).code();
		assertThat(browser.findElement(By.id("answer-" + third + "-error")).getText()).contains("请回答第 3 题");
		assertThat(browser.findElement(By.id("answer-" + third + "-yes")).getAttribute("aria-invalid")).isEqualTo("true");
		assertThat(browser.findElement(By.id("answer-" + questions.get(1).code() + "-no")).isSelected()).isTrue();
		checkPage("self-check-refused");
		browser.findElement(By.id("answer-" + third + "-yes")).click();
		Chromium.clickAndWait(browser, browser.findElement(By.id("submit-self-check")));

		assertThat(browser.getCurrentUrl()).contains("/supervision/self-checks/");
		assertThat(browser.findElements(By.cssSelector("#risks > li"))).hasSize(2);
		String second = questions.get(1).code();
		assertThat(browser.findElement(By.cssSelector("#risk-" + second + " .basis")).getText())
			.isEqualTo(questions.get(1).basis());
		assertThat(browser.findElement(By.cssSelector("#risk-" + second + " .fix")).getText()).isEqualTo(questions.get(1).fix());
		assertThat(browser.findElement(By.id("risk-grade")).getText()).isEqualTo("C");
		checkPage("self-check-risks");

		// a confirmation without a note comes back with the complaint beside the field
		browser.findElement(By.id("fix-" + second)).click();
		Chromium.clickAndWait(browser, browser.findElement(By.id("confirm-fixes")));
		assertThat(browser.findElement(By.id("note-error")).getText()).contains("请写明整改情况");
		assertThat(browser.findElement(By.id("fix-" + second)).isSelected()).isTrue();
		browser.findElement(By.id("fix-" + questions.get(6).code())).click();
		browser.findElement(By.id("note")).sendKeys("<b>已整改</b>：项目清单已按核定科目调整，广告已撤下");
		Chromium.clickAndWait(browser, browser.findElement(By.id("confirm-fixes")));

		assertThat(browser.findElement(By.id("done")).getText()).contains("整改情况已确认");
		assertThat(browser.findElement(By.id("status")).getText()).contains("本次体检已完成");
		assertThat(browser.findElement(By.cssSelector("#risk-" + second + " .fix-note")).getText())
			.isEqualTo("<b>已整改</b>：项目清单已按核定科目调整，广告已撤下");
		assertThat(browser.findElements(By.id("fix-form"))).isEmpty();
		assertThat(browser.findElement(By.id("risk-grade")).getText()).isEqualTo("B");
		assertThat(browser.findElement(By.id("reasons")).getText()).contains("完成合规体检且风险点全部确认整改", "由 C 降低到 B");
		checkPage("self-check-completed");
	}
}
