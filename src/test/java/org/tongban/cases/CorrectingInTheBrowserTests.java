package org.tongban.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tongban.support.Applying;
import org.tongban.support.BrowserTest;
import org.tongban.support.Chromium;

/**
 * A correction notice answered with a replacement file, in Chromium: the clerk names a material of the list, the
 * applicant replaces its file, checks what changed and submits, and the clerk sees the case back and accepts it.
 */
class CorrectingInTheBrowserTests extends BrowserTest {

	static final String ITEM = "PD-WJW-XK-010";
	static final String EXAM = "6个月内健康体检证明";

	@Autowired
	JdbcClient jdbc;

	@Test
	void theClerkNamesAMaterialTheApplicantReplacesItsFileAndTheClerkSeesTheReplacementAndAccepts() throws Exception {
		signIn("citizen");
		browser.get(url("/cases/new?item=" + ITEM + "&situation=NEW"));
		Chromium.clickAndWait(browser, browser.findElement(By.cssSelector("form[action$='/cases'] button[type=submit]")));
		uploadRequired(ITEM, "NEW");
		Chromium.clickAndWait(browser, browser.findElement(By.id("submit-case")));
		Chromium.clickAndWait(browser, browser.findElement(By.id("confirm-submit")));
		String id = browser.getCurrentUrl().replaceAll(".*/cases/([0-9a-f-]+).*", "$1");
		String earlier = jdbc.sql("SELECT filename FROM cases_material WHERE case_id = ?::uuid AND material = ?")
				.params(id, EXAM).query(String.class).single();

		signIn("clerk");
		browser.get(url("/work/cases/" + id));
		checkPage("clerk-case");
		WebElement picked = browser.findElement(By.xpath("//input[@name='materials' and @value='" + EXAM + "']"));
		picked.click();
		picked.findElement(By.xpath("./parent::div//input[@type='text']")).sendKeys("已超过6个月，请重新体检");
		Chromium.clickAndWait(browser, browser.findElement(By.id("action-request-correction")));
		Chromium.clickAndWait(browser, browser.findElement(By.id("confirm-request-correction")));
		assertThat(browser.findElement(By.id("action-done")).getText()).contains("已向申请人发出补正告知");
		assertThat(browser.findElement(By.id("case-status")).getText()).isEqualTo("待补正");
		checkPage("correction-requested");

		signIn("citizen");
		browser.get(url("/cases/" + id));
		WebElement item = browser.findElement(By.id("correction-item-0"));
		assertThat(item.getText()).contains(EXAM, "要求：已超过6个月，请重新体检", "尚未补正", earlier);
		checkPage("applicant-correction");
		// the file given with the application is the one replaced unless the applicant chooses to keep it
		assertThat(item.findElement(By.cssSelector("input[name=replaces][checked]")).getAttribute("value")).isNotEmpty();
		Path dir = Files.createTempDirectory("correction");
		Path scan = dir.resolve("new-exam.pdf");
		Files.write(scan, Applying.scan("new exam"));
		browser.findElement(By.id("correction-file-0")).sendKeys(scan.toAbsolutePath().toString());
		Chromium.clickAndWait(browser, browser.findElement(By.id("correction-upload-0")));
		Files.delete(scan);
		Files.delete(dir);
		assertThat(browser.findElement(By.id("correction-state-0")).getText()).isEqualTo("已替换");
		assertThat(browser.findElement(By.id("correction-summary")).getText()).contains("已替换 1 项", "尚未补正 0 项");
		assertThat(browser.findElement(By.id("materials")).getText()).contains("已被替换（保留在办件记录中）", "new-exam.pdf");
		browser.findElement(By.id("correct-note")).sendKeys("已重新体检");
		Chromium.clickAndWait(browser, browser.findElement(By.id("submit-correction")));
		// first what changed, to confirm
		assertThat(browser.findElement(By.id("correction-changes")).getText())
				.contains(EXAM, "已替换", "new-exam.pdf", "替换“" + earlier + "”");
		assertThat(browser.findElements(By.id("still-missing"))).isEmpty();
		Chromium.screenshot(browser, "cases-correction-confirm");
		checkPage("correction-confirm");
		Chromium.clickAndWait(browser, browser.findElement(By.id("confirm-correction")));
		LocalDate due = jdbc.sql("SELECT acceptance_due FROM cases_case WHERE id = ?::uuid").param(id)
				.query(LocalDate.class).single();
		assertThat(browser.findElement(By.id("corrected-notice")).getText())
				.contains("已提交补正材料，窗口将重新审查；受理期限 " + due.getMonthValue() + "月" + due.getDayOfMonth() + "日");
		assertThat(browser.findElement(By.id("case-status")).getText()).isEqualTo("待受理");
		checkPage("corrected");

		signIn("clerk");
		browser.get(url("/work"));
		checkPage("work-list");
		WebElement link = browser.findElement(By.cssSelector("#tasks a[href$='/work/cases/" + id + "']"));
		assertThat(link.findElement(By.xpath("./ancestor::tr")).getText()).contains("补正后重新提交");
		Chromium.clickAndWait(browser, link);
		assertThat(browser.findElement(By.id("returned-from-correction")).getText()).contains("补正后重新提交");
		assertThat(browser.findElement(By.id("correction-answers")).getText())
				.contains(EXAM, "已替换", "new-exam.pdf", "替换“" + earlier + "”");
		assertThat(browser.findElement(By.cssSelector("li.changed-in-correction")).getText())
				.contains("new-exam.pdf", "补正时上传：替换原文件");
		Chromium.screenshot(browser, "cases-correction-returned");
		checkPage("returned-from-correction");
		Chromium.clickAndWait(browser, browser.findElement(By.id("action-accept")));
		Chromium.clickAndWait(browser, browser.findElement(By.id("confirm-accept")));
		assertThat(jdbc.sql("SELECT status FROM cases_case WHERE id = ?").param(UUID.fromString(id)).query(String.class)
				.single()).isEqualTo("UNDER_REVIEW");
	}
}
