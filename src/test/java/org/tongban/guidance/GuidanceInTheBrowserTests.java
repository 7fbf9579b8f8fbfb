package org.tongban.guidance;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.tongban.catalogue.Catalogue;
import org.tongban.catalogue.Guide;
import org.tongban.support.BrowserTest;
import org.tongban.support.Chromium;

/** A nurse who changed hospital finds the item in the catalogue and is guided to her material list. */
class GuidanceInTheBrowserTests extends BrowserTest {

	// another suite publishes a new version of this guide with other time limits: read what is live
	@Autowired
	Catalogue catalogue;

	@Test
	void aNurseWhoChangedHospitalIsGuidedFromTheCatalogueToHerMaterialList() {
		Guide live = catalogue.published("PD-WJW-XK-001").orElseThrow();
		browser.get(url("/catalogue"));
		checkPage("catalogue");
		browser.findElement(By.id("q")).sendKeys("护士执业注册");
		Chromium.clickAndWait(browser, browser.findElement(By.cssSelector("form.filters button[type=submit]")));
		checkPage("catalogue-found");
		Chromium.clickAndWait(browser, browser.findElement(By.linkText("护士执业注册")));
		checkPage("item");
		Chromium.clickAndWait(browser, browser.findElement(By.linkText("开始问答引导")));
		checkPage("question");

		assertThat(browser.findElement(By.tagName("legend")).getText()).contains("您要办理哪一类护士执业注册业务？");
		// a label is clickable and chooses its radio button
		browser.findElement(By.xpath("//label[contains(., '换了工作单位')]")).click();
		Chromium.clickAndWait(browser, browser.findElement(By.cssSelector("form button[type=submit]")));

		assertThat(browser.getCurrentUrl()).contains("/guidance/PD-WJW-XK-001/result");
		assertThat(browser.findElement(By.tagName("h1")).getText()).contains("变更注册");
		String held = browser.findElement(By.cssSelector("table.materials.held")).getText();
		assertThat(held).contains("护士执业证书").contains("免提交").contains("电子证照库（护士电子证照）");
		assertThat(browser.findElement(By.cssSelector("table.materials.needed")).getText())
				.contains("原执业机构出具的解聘或离职证明").doesNotContain("健康体检证明");
		assertThat(browser.findElement(By.cssSelector("dl.time-limits")).getText())
				.contains(live.situation("CHANGE").statutoryDays() + " 个工作日").contains(live.situation("CHANGE").promisedDays() + " 个工作日");
		assertThat(browser.findElement(By.id("print-page")).isDisplayed()).isTrue();
		assertThat(browser.findElement(By.id("apply-online")).getAttribute("href"))
				.contains("/cases/new?item=PD-WJW-XK-001&situation=CHANGE");
		Chromium.screenshot(browser, "guidance-nurse-change-result");
		checkPage("result");

		// going back one step and taking the other branch asks the follow-up question
		browser.get(url("/guidance/PD-WJW-XK-001?kind=3"));
		assertThat(browser.findElement(By.tagName("legend")).getText()).contains("您需要重新注册的原因是？");
		Chromium.screenshot(browser, "guidance-nurse-follow-up-question");
		checkPage("follow-up-question");
	}

	@Test
	void aSignedInCitizenSeesThePrefilledFieldsWithTheirSources() {
		signIn("citizen");
		browser.get(url("/guidance/PD-WJW-XK-001/result?kind=1"));
		String panel = browser.findElement(By.cssSelector(".prefill")).getText();
		assertThat(panel).contains("预填信息").contains("账户信息").contains("公安人口库（演示）");
		assertThat(browser.findElement(By.id("prefill-idNumber")).getAttribute("value")).isEqualTo("310115198503151230");
		Chromium.screenshot(browser, "guidance-prefill-citizen");
		checkPage("result-prefilled");
	}
}
