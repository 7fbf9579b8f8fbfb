package org.tongban.integrated;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.tongban.support.BrowserTest;

/**
 * Someone about to open a dental clinic, not signed in, in Chromium: the industries, the whole journey, the
 * questionnaire refusing contradictory answers beside the questions, then the merged form, material list and the
 * figure; the manual and 一册告知 in large-font mode. axe at both widths on every page.
 */
class OpeningADentalClinicInTheBrowserTests extends BrowserTest {

	@Test
	void theQuestionnaireLeadsToOneFormOneMaterialListAndTheFigure() {
		browser.get(url("/integrated"));
		assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("一业一证");
		checkPage("integrated-list");

		browser.findElement(By.linkText("口腔诊所")).click();
		assertThat(browser.findElement(By.tagName("body")).getText()).contains("营业执照（设立登记）", "浦东新区市场监督管理局",
				"辐射安全许可证");
		checkPage("integrated-package");

		answer("chairs", "3");
		choose("xray", "false");
		choose("cbct", "true");
		choose("radiationStaffNew", "false");
		choose("sterilisationOutsourced", "false");
		choose("physicianTransfer", "false");
		choose("nurseTransfer", "false");
		submit();
		assertThat(browser.findElement(By.id("err-cbct")).getText()).contains("CBCT");
		assertThat(browser.findElement(By.id("q-chairs")).getDomProperty("value")).isEqualTo("3");
		checkPage("integrated-contradiction");

		choose("xray", "true");
		submit();
		String figure = browser.findElement(By.id("figure")).getText();
		assertThat(figure).contains("一表申请", "逐项申请", "−");
		assertThat(browser.findElement(By.tagName("body")).getText()).contains("放射诊疗许可（口腔 X 射线影像诊断）",
				"营业执照或事业单位法人证书");
		checkPage("integrated-merged");

		browser.findElement(By.id("font-toggle")).click();
		browser.get(url("/integrated/packages/DENTAL_CLINIC/manual"));
		assertThat(browser.findElement(By.tagName("html")).getDomAttribute("class")).contains("large-font");
		assertThat(browser.findElement(By.tagName("body")).getText()).contains("综合许可要素", "补证");
		checkPage("integrated-manual-large-font");
		browser.get(url("/integrated/packages/DENTAL_CLINIC/booklet"));
		assertThat(browser.findElement(By.tagName("body")).getText()).contains("放射工作人员个人剂量监测");
		checkPage("integrated-booklet-large-font");
	}

	private void answer(String question, String value) {
		var input = browser.findElement(By.id("q-" + question));
		input.clear();
		input.sendKeys(value);
	}

	private void choose(String question, String value) {
		browser.findElement(By.cssSelector("input[name='q." + question + "'][value='" + value + "']")).click();
	}

	private void submit() {
		browser.findElement(By.cssSelector("form[action$='/answers'] button[type=submit]")).click();
	}
}
