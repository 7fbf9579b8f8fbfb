package org.tongban.reform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.tongban.support.BrowserTest;
import org.tongban.support.Chromium;

/**
 * The leader's journey: the cockpit's first screen says what is late and who owns it, the overdue list of one
 * division, one task, and the licensing report's summary and charts.
 */
class LeadingInTheBrowserTests extends BrowserTest {

	@Test
	void theLeaderSeesWhatIsLateAndWhoOwnsItThenFollowsOneDivision() {
		signIn("leader");
		browser.get(url("/reform"));
		checkPage("cockpit");
		assertThat(browser.findElement(By.cssSelector(".period")).getText()).contains("统计范围").contains("截至");
		List<WebElement> late = browser.findElements(By.cssSelector("table.late-divisions tbody tr"));
		assertThat(late).as("divisions with overdue tasks on the pinned date").isNotEmpty();
		WebElement first = late.get(0);
		String division = first.findElement(By.cssSelector("th")).getText();
		assertThat(first.getText()).contains("项").contains("天");

		Chromium.clickAndWait(browser, first.findElement(By.cssSelector("a")));
		checkPage("overdue-tasks");
		assertThat(browser.findElement(By.tagName("body")).getText()).contains(division);
		List<WebElement> tasks = browser.findElements(By.cssSelector("a[href*='/reform/tasks/']"));
		assertThat(tasks).isNotEmpty();

		Chromium.clickAndWait(browser, tasks.get(0));
		checkPage("task");
		assertThat(browser.findElement(By.tagName("h1")).getText()).isNotBlank();

		browser.get(url("/reports/licensing"));
		checkPage("licensing-report");
		assertThat(browser.findElements(By.cssSelector("svg"))).as("the report's charts").isNotEmpty();
	}
}
