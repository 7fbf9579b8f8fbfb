package org.tongban.integrated;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;
import org.tongban.cases.Case;
import org.tongban.cases.CaseDecided;
import org.tongban.cases.FormTables;
import org.tongban.support.Applying;
import org.tongban.support.BrowserTest;
import org.tongban.support.Chromium;

/**
 * An enterprise opening a dental clinic with X-ray, in Chromium: from the questionnaire's merged form to the apply page
 * (pre-filled from the answers and the enterprise register), a wrong ID number refused beside its field with the
 * uploads kept, the confirm step, the status page with a sub-case per permit; then every part granted as the divisions
 * decide, and the integrated licence on the status page; the list and the lifecycle page. axe on every page.
 */
class ApplyingOnceInTheBrowserTests extends BrowserTest {

	@Autowired
	IndustryPackages packages;

	@Autowired
	org.tongban.cases.CaseRecords cases;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate tx;

	@Test
	void aDentalClinicAppliesOnceConfirmsAndGetsTheIntegratedLicence() throws Exception {
		signIn("enterprise");
		browser.get(url("/integrated/packages/DENTAL_CLINIC"));
		Map<String, Object> answers = IntegratedIntegrationTest.dentalWithXray();
		WebElement chairs = browser.findElement(By.id("q-chairs"));
		chairs.clear();
		chairs.sendKeys("3");
		answers.forEach((q, v) -> {
			if (!q.equals("chairs")) {
				browser.findElement(By.cssSelector("input[name='q." + q + "'][value='" + v + "']")).click();
			}
		});
		Chromium.clickAndWait(browser, browser.findElement(By.cssSelector("form[action$='/answers'] button[type=submit]")));
		Chromium.clickAndWait(browser, browser.findElement(By.id("apply-link")));

		assertThat(browser.findElement(By.tagName("h1")).getText()).contains("一业一证综合申请", "口腔诊所");
		assertThat(browser.findElement(By.id("apply-items")).getText()).contains("诊所备案", "放射诊疗许可", "放射工作人员证");
		// pre-filled: the chairs from the answers, the USCC from the account
		assertThat(browser.findElement(By.id("form-chairs")).getDomProperty("value")).isEqualTo("3");
		assertThat(browser.findElement(By.id("form-uscc")).getDomProperty("value")).isEqualTo("91310115MA1K3Y4N2N");
		checkPage("integrated-apply");

		MergedApplication merged = packages.merge("DENTAL_CLINIC", answers);
		for (MergedApplication.MergedField f : merged.fields()) {
			String sample = f.prefilled() != null ? String.valueOf(f.prefilled()) : f.sample();
			if (sample != null) {
				fill(f, f.name().equals("principalIdNumber") ? "310115199002201223" : sample);
			}
		}
		type(browser.findElement(By.id("phone")), "13800000041");
		Path dir = Files.createTempDirectory("integrated");
		for (WebElement input : browser.findElements(By.cssSelector("#apply-form input[type=file]"))) {
			Path scan = dir.resolve(input.getDomAttribute("data-document") + ".pdf");
			Files.write(scan, Applying.scan(input.getDomAttribute("data-document")));
			input.sendKeys(scan.toAbsolutePath().toString());
		}
		Chromium.clickAndWait(browser, browser.findElement(By.id("apply-next")));

		// refused beside the field; what was typed and uploaded is kept
		assertThat(browser.findElement(By.id("form-principalIdNumber-error")).getText()).contains("主要负责人身份证号");
		assertThat(browser.findElement(By.id("form-principalIdNumber")).getDomProperty("value")).isEqualTo("310115199002201223");
		assertThat(browser.findElement(By.id("document-0-held")).getText()).startsWith("已上传：");
		checkPage("integrated-apply-refused");
		type(browser.findElement(By.id("form-principalIdNumber")), "310115199002201222");
		Chromium.clickAndWait(browser, browser.findElement(By.id("apply-next")));

		assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("确认提交综合申请");
		assertThat(browser.findElement(By.id("confirm-details")).getText()).contains("310115199002201222", "OP300");
		checkPage("integrated-confirm");
		Chromium.clickAndWait(browser, browser.findElement(By.id("confirm-submit")));

		assertThat(browser.findElement(By.id("submitted")).getText()).contains("综合申请已提交");
		assertThat(browser.findElement(By.id("overall-status")).getText()).isEqualTo("办理中");
		List<String> items = browser.findElements(By.cssSelector("#sub-cases tbody tr")).stream()
			.map(r -> r.getDomAttribute("data-item")).toList();
		assertThat(items).containsExactly("PD-WJW-BA-003", "PD-WJW-XK-002", "PD-WJW-XK-008");
		assertThat(browser.findElement(By.id("sub-cases")).getText()).contains("待受理", "生物医药处");
		checkPage("integrated-application");

		// each division grants its part (as handling publishes a decision); the integrated licence follows
		List<Case> parts = browser.findElements(By.cssSelector("#sub-cases tbody tr td:nth-child(3) a")).stream()
			.map(a -> UUID.fromString(a.getDomAttribute("href").replaceAll(".*/cases/", "")))
			.map(caseId -> cases.find(new org.tongban.cases.CaseId(caseId)).orElseThrow()).toList();
		assertThat(parts).hasSize(3);
		parts.forEach(c -> tx.executeWithoutResult(s -> events.publishEvent(new CaseDecided(c.id(),
				c.itemCode(), c.itemName(), c.situation(), c.situationName(), true, c.applicant(), clock.instant(), null,
				false, c.channel()))));
		await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1)).until(() -> {
			browser.navigate().refresh();
			return browser.findElements(By.id("licence-link")).size() == 1;
		});
		assertThat(browser.findElement(By.id("overall-status")).getText()).isEqualTo("已办结");
		String number = browser.findElement(By.id("licence-link")).getText();
		assertThat(number).startsWith("沪浦综许");
		checkPage("integrated-application-done");

		browser.findElement(By.cssSelector("a[href='/integrated/applications']")).click();
		assertThat(browser.findElement(By.id("held-licences")).getText()).contains(number);
		checkPage("integrated-applications");

		browser.get(url("/integrated/licences/" + number + "/apply"));
		browser.findElement(By.cssSelector("input[name=kind][value=CHANGE]")).click();
		browser.findElement(By.cssSelector("input[name=changed][value=legalRepresentative]")).click();
		Chromium.clickAndWait(browser, browser.findElement(By.id("kind-next")));
		assertThat(browser.findElement(By.id("needed-documents")).getText()).isNotBlank();
		assertThat(browser.findElements(By.id("form-legalRepresentative"))).hasSize(1);
		assertThat(browser.findElements(By.id("form-principal"))).isEmpty();
		checkPage("integrated-lifecycle");
	}

	private void fill(MergedApplication.MergedField f, String value) {
		if ("table".equals(f.type())) {
			List<Map<String, String>> rows = FormTables.rows(value).orElseThrow();
			for (int i = 0; i < rows.size(); i++) {
				int row = i;
				rows.get(i).forEach((col, cell) -> set(browser.findElement(By.id("form-" + f.name() + "-" + row + "-" + col)), cell));
			}
			return;
		}
		set(browser.findElement(By.id("form-" + f.name())), value);
	}

	private void set(WebElement input, String value) {
		if (input.getTagName().equals("select")) {
			new Select(input).selectByVisibleText(value);
		}
		else if ("date".equals(input.getDomAttribute("type"))) {
			browser.executeScript("arguments[0].value = arguments[1]", input, value);
		}
		else {
			type(input, value);
		}
	}

	private static void type(WebElement input, String value) {
		input.clear();
		input.sendKeys(value);
	}
}
