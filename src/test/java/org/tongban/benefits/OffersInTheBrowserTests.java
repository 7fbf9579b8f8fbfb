package org.tongban.benefits;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tongban.identity.AccountManagement;
import org.tongban.identity.Role;
import org.tongban.support.BrowserTest;
import org.tongban.support.Chromium;

/**
 * A retired woman in financial hardship signs in and finds two offers made without her applying: she books a place
 * for the two-cancer screening at an institution serving her street (a booking without a choice comes back with the
 * complaint beside the field) and declines the family doctor. Staff of 公卫处 see the figures of their programme,
 * add an institution and open slots there, and record her screening done.
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

		assertThat(browser.findElement(By.id("institutions-TWO_CANCER_SCREENING")).getText())
			.contains("洋泾街道社区卫生服务中心", "区妇幼保健所").doesNotContain("花木街道社区卫生服务中心");
		Chromium.clickAndWait(browser, browser.findElement(By.id("book-TWO_CANCER_SCREENING")));
		assertThat(browser.findElement(By.id("slot-TWO_CANCER_SCREENING-error")).getText()).contains("请选择预约的机构和时段");
		assertThat(browser.findElement(By.id("slot-TWO_CANCER_SCREENING")).getAttribute("aria-invalid")).isEqualTo("true");
		checkPage("benefits-booking-refused");

		// a place at the street's community health centre, in a slot the demo opened
		Select slots = new Select(browser.findElement(By.id("slot-TWO_CANCER_SCREENING")));
		WebElement choice = browser.findElement(By.cssSelector(
				"#slot-TWO_CANCER_SCREENING optgroup[label='洋泾街道社区卫生服务中心'] option:nth-of-type(3)"));
		String slot = choice.getAttribute("value");
		String day = choice.getText().substring(0, 10);
		slots.selectByValue(slot);
		int before = jdbc.sql("SELECT booked FROM benefits_slot WHERE id = CAST(? AS uuid)").param(slot).query(Integer.class).single();
		Chromium.clickAndWait(browser, browser.findElement(By.id("book-TWO_CANCER_SCREENING")));
		assertThat(browser.findElement(By.id("done")).getText()).contains("已预约");
		assertThat(browser.findElement(By.id("offer-TWO_CANCER_SCREENING")).getText()).contains("已预约", "洋泾街道社区卫生服务中心", day);
		assertThat(jdbc.sql("SELECT booked FROM benefits_slot WHERE id = CAST(? AS uuid)").param(slot).query(Integer.class).single())
			.isEqualTo(before + 1);

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
		assertThat(browser.findElement(By.id("trend-TWO_CANCER_SCREENING")).getText()).contains("新预约");
		// the trend is also drawn as a line chart from the table, which stays
		org.openqa.selenium.WebElement chart = new org.openqa.selenium.support.ui.WebDriverWait(browser, java.time.Duration.ofSeconds(10))
			.until(d -> d.findElement(By.cssSelector("#figures-TWO_CANCER_SCREENING div.chart[role=img] canvas")));
		assertThat(chart.getSize().getWidth()).isPositive();
		checkPage("benefits-dashboard");

		// and keeps the institutions that deliver it: adds one, opens slots there, records the booking served
		Chromium.clickAndWait(browser, browser.findElement(By.id("institutions-TWO_CANCER_SCREENING")));
		assertThat(browser.findElement(By.id("institutions")).getText()).contains("洋泾街道社区卫生服务中心", "区妇幼保健所");
		checkPage("benefits-institutions");
		Chromium.clickAndWait(browser, browser.findElement(By.id("add")));
		assertThat(browser.findElement(By.id("name-error")).getText()).contains("请填写机构名称");
		checkPage("benefits-institution-refused");
		String name = "洋泾测试门诊部" + id.substring(14);
		browser.findElement(By.id("name")).sendKeys(name);
		new Select(browser.findElement(By.id("street"))).selectByVisibleText("洋泾街道");
		browser.findElement(By.id("address")).sendKeys("浦东新区洋泾路 1 号");
		browser.findElement(By.id("phone")).sendKeys("021-58889999");
		Chromium.clickAndWait(browser, browser.findElement(By.id("add")));
		assertThat(browser.findElement(By.id("institution-name")).getText()).isEqualTo(name);
		browser.findElement(By.id("capacity")).clear();
		browser.findElement(By.id("capacity")).sendKeys("6");
		Chromium.clickAndWait(browser, browser.findElement(By.id("open")));
		assertThat(browser.findElement(By.id("done")).getText()).contains("已开放号源");
		assertThat(browser.findElement(By.id("slots")).getText()).contains("上午", "下午");
		checkPage("benefits-institution");

		// the resident's booking, at the street's centre, is served
		browser.get(url("/benefits/programmes/TWO_CANCER_SCREENING/institutions?street=洋泾街道"));
		Chromium.clickAndWait(browser, browser.findElement(By.linkText("洋泾街道社区卫生服务中心")));
		String entitlement = jdbc.sql("SELECT CAST(id AS text) FROM benefits_entitlement WHERE id_number = ? AND programme_code = 'TWO_CANCER_SCREENING'")
			.param(id).query(String.class).single();
		travelTo(day);
		browser.navigate().refresh();
		Chromium.clickAndWait(browser, browser.findElement(By.id("served-" + entitlement)));
		assertThat(browser.findElement(By.id("done")).getText()).contains("已服务");
		assertThat(browser.findElement(By.id("booking-" + entitlement)).getText()).contains("已服务", day);
		assertThat(jdbc.sql("SELECT status FROM benefits_entitlement WHERE id = CAST(? AS uuid)").param(entitlement)
			.query(String.class).single()).isEqualTo("SERVED");
	}

	private void travelTo(String day) {
		clock.travelTo(LocalDate.parse(day));
	}

	@org.junit.jupiter.api.AfterEach
	void resetClock() {
		clock.reset();
	}
}
