package org.tongban.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.tongban.support.BrowserTest;
import org.tongban.support.Chromium;

/**
 * The administrator's journey: the calendar of a year (a wrong line is refused beside the field, with what was
 * typed kept), then a new account (a weak password refused beside the field, the rest kept, then created).
 */
class AdministeringInTheBrowserTests extends BrowserTest {

	@Test
	void theAdministratorChecksTheCalendarAndOpensAnAccount() {
		signIn("admin");
		browser.get(url("/admin/calendar"));
		checkPage("calendar-years");
		browser.get(url("/admin/calendar/2026"));
		checkPage("calendar-year");
		WebElement lines = browser.findElement(By.id("lines"));
		lines.clear();
		lines.sendKeys("2026-13-01 不存在的日子 休");
		Chromium.clickAndWait(browser, browser.findElement(By.cssSelector("form[method=post][action$='/admin/calendar/2026'] button[type=submit]")));
		assertThat(browser.findElement(By.id("lines-errors")).getText()).isNotBlank();
		assertThat(browser.findElement(By.id("lines")).getAttribute("value")).contains("2026-13-01 不存在的日子 休");
		checkPage("calendar-year-refused");

		String username = "journey-" + UUID.randomUUID().toString().substring(0, 8);
		browser.get(url("/admin/accounts"));
		checkPage("accounts");
		browser.findElement(By.id("username")).sendKeys(username);
		browser.findElement(By.id("displayName")).sendKeys("流程测试 审批人");
		browser.findElement(By.id("password")).sendKeys("123456");
		browser.findElement(By.id("role-APPROVER")).click();
		new Select(browser.findElement(By.id("orgUnitCode"))).selectByValue("MEDADMIN");
		Chromium.clickAndWait(browser, browser.findElement(By.cssSelector("form[action$='/admin/accounts'] button[type=submit]")));
		assertThat(browser.findElements(By.cssSelector(".field-error"))).anyMatch(e -> e.getText().contains("密码"));
		assertThat(browser.findElement(By.id("username")).getAttribute("value")).isEqualTo(username);
		assertThat(browser.findElement(By.id("role-APPROVER")).isSelected()).isTrue();
		checkPage("accounts-refused");

		browser.findElement(By.id("password")).sendKeys("Journey-strong-2026!");
		Chromium.clickAndWait(browser, browser.findElement(By.cssSelector("form[action$='/admin/accounts'] button[type=submit]")));
		assertThat(browser.findElement(By.tagName("body")).getText()).contains("已创建账户 " + username).contains("医政处");
		checkPage("accounts-created");
	}
}
