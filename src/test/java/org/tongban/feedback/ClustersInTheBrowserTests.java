package org.tongban.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tongban.support.BrowserTest;
import org.tongban.support.Chromium;

/**
 * Staff of 生物医药处 open the clusters from the navigation, read one (trend table, items, escaped texts) and turn it
 * into a revision of the item's guide, then report on a reform task their division leads. The item, 食品安全企业标准备案 PD-WJW-BA-001, is one no other test drafts.
 */
class ClustersInTheBrowserTests extends BrowserTest {

	static final String ITEM = "PD-WJW-BA-001";

	@Autowired
	Complaints complaints;

	@Autowired
	JdbcClient jdbc;

	@Test
	void staffOpenAClusterAndRequestARevision() {
		UUID first = UUID.randomUUID();
		complaints.receive(new Complaint(Complaint.Kind.TICKET, first, "食品安全企业标准备案的文本格式要求找不到，网上没有模板<script>",
				ITEM, "BIOMED", clock.instant()));
		complaints.receive(new Complaint(Complaint.Kind.TICKET, UUID.randomUUID(), "企业标准备案的文本模板网上找不到，格式要求也没写",
				ITEM, "BIOMED", clock.instant()));
		UUID cluster = jdbc.sql("SELECT cluster_id FROM feedback_complaint WHERE source_id = ?").param(first)
			.query(UUID.class).single();

		signIn("biomed");
		browser.get(url("/"));
		Chromium.clickAndWait(browser, browser.findElement(By.linkText("投诉聚类")));
		assertThat(browser.findElement(By.id("cluster-" + cluster)).getText()).contains("标准备案");
		checkPage("clusters");
		Chromium.clickAndWait(browser, browser.findElement(By.cssSelector("#cluster-" + cluster + " a")));
		assertThat(browser.findElement(By.id("trend")).getText()).contains("投诉数");
		assertThat(browser.findElement(By.id("samples")).getText()).contains("<script>");
		checkPage("cluster");

		browser.findElement(By.id("note")).sendKeys("补充申请表下载");
		Chromium.clickAndWait(browser, browser.findElement(By.cssSelector("#revision button[type=submit]")));
		assertThat(browser.findElement(By.id("done")).getText()).contains("修订草稿");
		assertThat(browser.findElement(By.id("actions")).getText()).contains("修订办事指南", ITEM);
		assertThat(jdbc.sql("SELECT count(*) FROM catalogue_guide WHERE item_code = ? AND status = 'DRAFT'").param(ITEM)
			.query(Long.class).single()).isEqualTo(1);

		// and reports on a reform task 生物医药处 leads: a report without words is refused beside the form, then sent
		org.openqa.selenium.WebElement task = browser.findElement(By.cssSelector("#taskNo option"));
		int no = Integer.parseInt(task.getAttribute("value"));
		String progress = task.getAttribute("data-progress");
		browser.findElement(By.id("progress")).sendKeys(progress);
		Chromium.clickAndWait(browser, browser.findElement(By.cssSelector("#report button[type=submit]")));
		assertThat(browser.findElement(By.id("report-errors")).getText()).contains("请填写进展情况");
		assertThat(browser.findElement(By.id("reportText")).getAttribute("aria-invalid")).isEqualTo("true");
		checkPage("cluster-report-refused");
		browser.findElement(By.id("reportText")).sendKeys("已据投诉在指南中补充企业标准文本模板");
		Chromium.clickAndWait(browser, browser.findElement(By.cssSelector("#report button[type=submit]")));
		assertThat(browser.findElement(By.id("done")).getText()).contains("报送进展");
		assertThat(browser.findElement(By.id("actions")).getText()).contains("改革任务 " + no);
		assertThat(jdbc.sql("SELECT text FROM reform_report WHERE task_no = ? AND position(? in text) > 0").param(no)
			.param(cluster.toString()).query(String.class).single()).contains("已据投诉在指南中补充企业标准文本模板");
	}
}
