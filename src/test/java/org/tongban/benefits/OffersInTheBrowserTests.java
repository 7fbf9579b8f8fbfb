package org.tongban.benefits;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tongban.identity.AccountManagement;
import org.tongban.identity.Role;
import org.tongban.support.BrowserTest;
import org.tongban.support.Chromium;

/**
 * A retired woman in financial hardship signs in and finds two offers made without her applying: she books the
 * two-cancer screening (a booking without a choice comes back with the complaints beside the fields) and declines
 * the family doctor. Staff of 公卫处 see the figures of their programme.
 */
class OffersInTheBrowserTests extends BrowserTest {

	private static final String PASSWORD = "Resident-browser-2026!";

	@Autowired
	JdbcClient jdbc;

	@Autowired
	AccountManagement accounts;

	@Autowired
	Matcher matcher;

	@Test
	void aResidentSeesTheOfferedScreeningBooksItAndDeclinesAnother() {
		String id = BenefitsIntegrationTest.idNumber(LocalDate.of(1966, 4, 12), true);
		jdbc.sql("INSERT INTO benefits_person (id_number, sex, birth_date, household_local, street, recorded_on, source) "
				+ "VALUES (?, 'F', DATE '1966-04-12', true, '洋泾街道', DATE '2026-06-01', '公安人口库（测试）')").param(id).update();
		jdbc.sql("INSERT INTO benefits_status (id_number, kind, since, source) VALUES (?, 'RETIRED', DATE '2021-04-12', '社保（测试）'), "
				+ "(?, 'HARDSHIP', DATE '2025-01-01', '民政（测试）')").params(id, id).update();
		String username = ("browser-" + id.substring(8, 14) + id.substring(14)).toLowerCase();
		accounts.create(new AccountManagement.NewAccount(username, "王阿姨", PASSWORD, EnumSet.of(Role.CITIZEN), null, id,
				null, null));
		matcher.rematch(List.of(id));

		browser.manage().deleteAllCookies();
		browser.get(url("/login"));
		browser.findElement(By.id("username")).sendKeys(username);
		browser.findElement(By.id("password")).sendKeys(PASSWORD);
		Chromium.clickAndWait(browser, browser.findElement(By.cssSelector("form[action$='/login'] button[type=submit]")));
		Chromium.clickAndWait(browser, browser.findElement(By.cssSelector("nav a[href$='/benefits/mine']")));

		assertThat(browser.findElement(By.id("offer-TWO_CANCER_SCREENING")).getText())
			.contains("妇女两病筛查", "已通知，待预约", "国卫办妇幼函〔2021〕635号");
		assertThat(browser.findElement(By.id("offer-FAMILY_DOCTOR")).getText()).contains("家庭医生签约服务");
		checkPage("benefits-offers");

		Chromium.clickAndWait(browser, browser.findElement(By.id("book-TWO_CANCER_SCREENING")));
		assertThat(browser.findElement(By.id("institution-TWO_CANCER_SCREENING-error")).getText()).contains("请从列出的机构中选择");
		assertThat(browser.findElement(By.id("date-TWO_CANCER_SCREENING-error")).getText()).contains("可预约日期");
		assertThat(browser.findElement(By.id("institution-TWO_CANCER_SCREENING")).getAttribute("aria-invalid")).isEqualTo("true");
		checkPage("benefits-booking-refused");

		new Select(browser.findElement(By.id("institution-TWO_CANCER_SCREENING"))).selectByVisibleText("浦东新区公利医院");
		Select dates = new Select(browser.findElement(By.id("date-TWO_CANCER_SCREENING")));
		dates.selectByIndex(2);
		String day = dates.getFirstSelectedOption().getText();
		Chromium.clickAndWait(browser, browser.findElement(By.id("book-TWO_CANCER_SCREENING")));
		assertThat(browser.findElement(By.id("done")).getText()).contains("已预约");
		assertThat(browser.findElement(By.id("offer-TWO_CANCER_SCREENING")).getText()).contains("已预约", "浦东新区公利医院", day);

		Chromium.clickAndWait(browser, browser.findElement(By.id("decline-FAMILY_DOCTOR")));
		assertThat(browser.findElement(By.id("done")).getText()).contains("不需要");
		assertThat(browser.findElement(By.id("offer-FAMILY_DOCTOR")).getText()).contains("已谢绝");
		assertThat(browser.findElements(By.id("book-FAMILY_DOCTOR"))).isEmpty();
		checkPage("benefits-booked-and-declined");

		assertThat(jdbc.sql("SELECT status FROM benefits_entitlement WHERE id_number = ? ORDER BY programme_code").param(id)
			.query(String.class).list()).containsExactly("DECLINED", "BOOKED");

		// the division that runs the screening sees it in its figures
		signIn("publichealth");
		Chromium.clickAndWait(browser, browser.findElement(By.cssSelector("nav a[href$='/benefits']")));
		assertThat(browser.findElement(By.id("figures-TWO_CANCER_SCREENING")).getText()).contains("洋泾街道", "50–64");
		assertThat(browser.findElements(By.id("figures-ELDERLY_HEALTH_CHECK"))).as("another division's programme").isEmpty();
		checkPage("benefits-dashboard");
	}
}
