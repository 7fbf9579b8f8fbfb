package org.tongban.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.tongban.support.BrowserTest;

/**
 * The equipment list of 放射诊疗许可 in a real browser, in large-font mode: rows added and removed with the keyboard
 * alone, every cell labelled with its row and column, the change announced, a wrong cell marked beside itself;
 * axe on the page.
 */
class FillingInATableInTheBrowserTests extends BrowserTest {

	static final String FORM = "/cases/new?item=PD-WJW-XK-002&situation=NEW_DENTAL";

	@Test
	void rowsAreAddedAndRemovedByKeyboardAndAWrongCellIsMarkedBesideItself() {
		signIn("enterprise");
		browser.get(url(FORM));
		browser.findElement(By.id("font-toggle")).click();
		browser.get(url(FORM));
		assertThat(browser.findElement(By.tagName("html")).getDomAttribute("class")).contains("large-font");
		WebElement add = browser.findElement(By.cssSelector("#form-equipment [data-add-row]"));
		assertThat(add.isDisplayed()).isTrue();
		int before = rows().size();
		checkPage("item-form-table-large-font");

		// Enter on the focused button adds a row, and the focus moves into it
		add.sendKeys(Keys.ENTER);
		assertThat(rows()).hasSize(before + 1);
		WebElement focused = browser.switchTo().activeElement();
		assertThat(focused.getDomAttribute("name")).isEqualTo("form.equipment[" + before + "].name");
		assertThat(focused.getDomAttribute("aria-label")).isEqualTo("第 " + (before + 1) + " 行 设备名称");
		assertThat(browser.findElement(By.cssSelector("#form-equipment [data-row-status]")).getText())
				.isEqualTo("已增加第 " + (before + 1) + " 行。");

		// Space on the first row's remove button removes it, and the rows are numbered again
		browser.findElement(By.cssSelector("#form-equipment tbody tr:first-child [data-remove-row]")).sendKeys(Keys.SPACE);
		assertThat(rows()).hasSize(before);
		assertThat(browser.findElement(By.cssSelector("#form-equipment tbody tr:first-child [data-cell]"))
				.getDomAttribute("name")).isEqualTo("form.equipment[0].name");
		assertThat(browser.switchTo().activeElement().getText()).isEqualTo("删除第 1 行");

		browser.findElement(By.id("applicant-agentName")).sendKeys("李四");
		type("form-phone", "021-68541234");
		type("form-institutionName", "上海浦东某某口腔门诊部");
		type("form-institutionAddress", "上海市浦东新区张杨路100号");
		type("form-radiationSafetyOfficer", "赵六");
		type("form-radiationWorkers", "2");
		type("form-equipment-0-name", "口腔全景X射线机");
		type("form-equipment-0-model", "OP300");
		type("form-equipment-0-manufacturer", "某某医疗设备有限公司");
		type("form-equipment-0-serialNumber", "OP3-2024-0178");
		new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("form-equipment-0-category")))
				.selectByVisibleText("Ⅲ类射线装置");
		browser.findElement(By.cssSelector("form[action='/cases'] button[type=submit]")).click();
		assertThat(browser.getCurrentUrl()).matches(".*/cases/[0-9a-f-]{36}$");
		assertThat(browser.findElement(By.id("form-equipment-0-serialNumber")).getDomProperty("value"))
				.isEqualTo("OP3-2024-0178");
	}

	@Test
	void aWrongCellOfTheStaffListIsMarkedBesideItselfWithWhatWasTypedKept() {
		signIn("enterprise");
		browser.get(url("/cases/new?item=PD-WJW-XK-005&situation=NEW_SWIMMING"));
		browser.findElement(By.id("applicant-agentName")).sendKeys("李四");
		type("form-phone", "021-68541234");
		type("form-placeName", "浦东某某游泳馆");
		type("form-placeAddress", "上海市浦东新区锦绣路1001号");
		type("form-legalRepresentative", "王五");
		type("form-area", "2500");
		type("form-poolArea", "1250");
		type("form-hygieneManager", "赵六");
		type("form-staffCount", "2");
		type("form-staff-0-name", "陈七");
		// GB 11643-1999: the last character checks the first seventeen (…1234 is right)
		type("form-staff-0-idNumber", "310115198503121235");
		browser.findElement(By.cssSelector("form[action='/cases'] button[type=submit]")).click();

		WebElement cell = browser.findElement(By.id("form-staff-0-idNumber"));
		assertThat(cell.getDomAttribute("aria-invalid")).isEqualTo("true");
		assertThat(cell.getDomAttribute("aria-describedby")).isEqualTo("form-staff-0-idNumber-error");
		assertThat(browser.findElement(By.id("form-staff-0-idNumber-error")).getText())
				.startsWith("“直接为顾客服务的从业人员（持健康合格证明）”第 1 行：“身份证号”有误");
		assertThat(browser.findElement(By.id("form-staff-0-name")).getDomProperty("value")).isEqualTo("陈七");
		checkPage("item-form-table-refused");
	}

	private List<WebElement> rows() {
		return browser.findElements(By.cssSelector("#form-equipment tbody tr"));
	}

	private void type(String id, String text) {
		WebElement e = browser.findElement(By.id(id));
		e.clear();
		e.sendKeys(text);
	}
}
