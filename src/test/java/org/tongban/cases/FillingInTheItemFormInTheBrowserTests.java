package org.tongban.cases;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.tongban.support.BrowserTest;

/**
 * The item's form in a real browser, in large-font mode: every field labelled, the right keyboard and picker per
 * type, a field the server refuses marked beside itself with what was typed kept; axe at both widths.
 */
class FillingInTheItemFormInTheBrowserTests extends BrowserTest {

	static final String FORM = "/cases/new?item=PD-WJW-BA-003&situation=NEW_DENTAL";

	@Test
	void aClinicFilesItsFormInLargeFontAndIsToldBesideTheFieldWhatIsWrong() {
		signIn("enterprise");
		browser.get(url(FORM));
		double normal = fontSize("#form-clinicName");
		browser.findElement(By.id("font-toggle")).click();
		browser.get(url(FORM));
		assertThat(browser.findElement(By.tagName("html")).getDomAttribute("class")).contains("large-font");
		assertThat(fontSize("#form-clinicName")).isGreaterThan(normal);
		assertThat(browser.findElement(By.id("form-dentalChairs")).getDomAttribute("type")).isEqualTo("number");
		assertThat(browser.findElement(By.id("form-openingOn")).getDomAttribute("type")).isEqualTo("date");
		assertThat(browser.findElement(By.id("form-phone")).getDomAttribute("type")).isEqualTo("tel");
		// a phone field is as large as the others (it was styled apart from them before)
		assertThat(fontSize("#form-phone")).isEqualTo(fontSize("#form-clinicName"));
		assertThat(browser.findElement(By.cssSelector("label[for=form-principalIdNumber]")).getText())
				.isEqualTo("主要负责人身份证号（必填）");
		checkPage("item-form-large-font");

		browser.findElement(By.id("applicant-agentName")).sendKeys("李四");
		type("form-phone", "021-68541234");
		type("form-clinicName", "浦东某某口腔诊所");
		type("form-clinicAddress", "上海市浦东新区张杨路100号");
		type("form-principal", "王五");
		// the last character is not the check digit of GB 11643: only the server can tell
		type("form-principalIdNumber", "310115199002201223");
		type("form-subjects", "口腔科");
		type("form-physicians", "2");
		type("form-dentalChairs", "3");
		browser.findElement(By.cssSelector("form[action='/cases'] button[type=submit]")).click();

		WebElement field = browser.findElement(By.id("form-principalIdNumber"));
		assertThat(field.getDomAttribute("aria-invalid")).isEqualTo("true");
		assertThat(field.getDomAttribute("aria-describedby")).startsWith("form-principalIdNumber-error");
		assertThat(browser.findElement(By.id("form-principalIdNumber-error")).getText()).startsWith("“主要负责人身份证号”有误");
		assertThat(browser.findElement(By.id("form-clinicName")).getDomProperty("value")).isEqualTo("浦东某某口腔诊所");
		checkPage("item-form-refused-large-font");

		field.clear();
		field.sendKeys("310115199002201222");
		browser.findElement(By.cssSelector("form[action='/cases'] button[type=submit]")).click();
		assertThat(browser.getCurrentUrl()).matches(".*/cases/[0-9a-f-]{36}$");
		assertThat(browser.findElement(By.id("form-dentalChairs")).getDomProperty("value")).isEqualTo("3");
	}

	private void type(String id, String text) {
		WebElement e = browser.findElement(By.id(id));
		e.clear();
		e.sendKeys(text);
	}

	private double fontSize(String css) {
		return Double.parseDouble(browser.findElement(By.cssSelector(css)).getCssValue("font-size").replace("px", ""));
	}
}
