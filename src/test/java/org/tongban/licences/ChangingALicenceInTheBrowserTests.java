package org.tongban.licences;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.transaction.support.TransactionTemplate;
import org.tongban.cases.Case;
import org.tongban.cases.CaseDecided;
import org.tongban.cases.CaseId;
import org.tongban.cases.CaseRecords;
import org.tongban.identity.SignedInUser;
import org.tongban.support.Applying;
import org.tongban.support.BrowserTest;
import org.tongban.support.Chromium;

/**
 * A nurse holding a registration applies for 变更注册 choosing her licence, the window accepts, two approvers
 * grant; her licences, the licence's page, its PDF and public verification show the new 执业机构, and the history
 * what changed.
 */
class ChangingALicenceInTheBrowserTests extends BrowserTest {

	static final String NURSE = "PD-WJW-XK-001";

	@Autowired
	CaseRecords cases;

	@Autowired
	UserDetailsService users;

	@Autowired
	Licences licences;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate tx;

	@Value("${tongban.public-url}")
	String publicUrl;

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void aNurseChangesHerRegistrationToANewHospitalAndHerLicenceShowsIt() throws Exception {
		Licence before = registerTheNurse();

		signIn("citizen");
		browser.get(url("/cases/new?item=" + NURSE + "&situation=CHANGE&licence=" + before.number()));
		WebElement choice = browser.findElement(
				By.cssSelector("input[name='form.licenceNumber'][value='" + before.number() + "']"));
		assertThat(browser.findElement(By.id("held-licences")).getText()).contains(before.number(), "护士执业证书");
		checkPage("application-form-licence");
		choice.click();
		assertThat(choice.isSelected()).isTrue();
		WebElement institution = browser.findElement(By.id("form-institution"));
		assertThat(institution.getAttribute("value")).isEqualTo("上海市浦东新区人民医院");
		institution.clear();
		institution.sendKeys("上海市东方医院");
		assertThat(browser.findElement(By.id("form-practiceCategory")).getAttribute("value")).isEqualTo("护理");
		if (!browser.findElements(By.id("form-phone")).isEmpty()
				&& browser.findElement(By.id("form-phone")).getAttribute("value").isBlank()) {
			browser.findElement(By.id("form-phone")).sendKeys("13800000000");
		}
		Chromium.clickAndWait(browser, browser.findElement(By.cssSelector("form[action$='/cases'] button[type=submit]")));
		uploadRequired(NURSE, "CHANGE");
		Chromium.clickAndWait(browser, browser.findElement(By.id("submit-case")));
		Chromium.clickAndWait(browser, browser.findElement(By.id("confirm-submit")));
		assertThat(browser.findElement(By.id("case-status")).getText()).isEqualTo("待受理");
		String id = browser.getCurrentUrl().replaceAll(".*/cases/([0-9a-f-]+).*", "$1");

		signIn("clerk");
		browser.get(url("/work/cases/" + id));
		// the approvers read the chosen licence and the new data under their labels
		assertThat(browser.findElement(By.cssSelector(".case-work")).getText())
			.contains("护士执业证书编号", before.number(), "执业机构", "上海市东方医院");
		checkPage("clerk-case");
		Chromium.clickAndWait(browser, browser.findElement(By.id("action-accept")));
		Chromium.clickAndWait(browser, browser.findElement(By.id("confirm-accept")));
		signIn("approver");
		browser.get(url("/work/cases/" + id));
		browser.findElement(By.id("approve-reason")).sendKeys("新执业机构已确认聘用");
		Chromium.clickAndWait(browser, browser.findElement(By.id("action-approve")));
		Chromium.clickAndWait(browser, browser.findElement(By.id("confirm-approve")));
		signIn("approver2");
		browser.get(url("/work/cases/" + id));
		Chromium.clickAndWait(browser, browser.findElement(By.id("action-approve")));
		Chromium.clickAndWait(browser, browser.findElement(By.id("confirm-approve")));
		assertThat(browser.findElement(By.id("case-status")).getText()).isEqualTo("准予许可");

		Licence after = await().atMost(Duration.ofSeconds(20)).until(() -> licences.find(before.number()).orElseThrow(),
				l -> l.particular("institution").orElse("").equals("上海市东方医院"));

		signIn("citizen");
		browser.get(url("/licences/mine"));
		assertThat(browser.findElement(By.cssSelector("table.licences")).getText()).contains(before.number(),
				"执业机构：上海市东方医院");
		checkPage("my-licences");
		Chromium.clickAndWait(browser, browser.findElement(By.cssSelector("a[href$='/licences/" + before.number() + "']")));
		assertThat(browser.findElement(By.id("licence-institution")).getText()).isEqualTo("上海市东方医院");
		assertThat(browser.findElement(By.id("licence-check-code")).getText()).isEqualTo(after.checkCode());
		String verifyUrl = browser.findElement(By.id("licence-verify-url")).getText();
		assertThat(verifyUrl).isEqualTo(publicUrl + "/verify/" + before.number() + "?c=" + after.checkCode())
			.doesNotContain("localhost");
		assertThat(browser.findElement(By.cssSelector("ol.timeline")).getText()).contains("变更",
				"执业机构：上海市浦东新区人民医院 → 上海市东方医院");
		Chromium.screenshot(browser, "licence-changed");
		checkPage("licence");

		HttpResponse<byte[]> pdf = http.send(HttpRequest.newBuilder(URI.create(url("/api/licences/" + before.number()
				+ "/pdf"))).header("Authorization", basic("citizen")).build(), HttpResponse.BodyHandlers.ofByteArray());
		assertThat(pdf.statusCode()).isEqualTo(200);
		try (PDDocument doc = Loader.loadPDF(pdf.body())) {
			// the embedded subset maps some characters to their Kangxi radical twins (方 → ⽅): compare as NFKC
			assertThat(java.text.Normalizer.normalize(new PDFTextStripper().getText(doc), java.text.Normalizer.Form.NFKC)).contains("执业机构", "上海市东方医院").doesNotContain("人民医院");
		}

		// the link as shared: the public address names this server's port in the test
		browser.manage().deleteAllCookies();
		browser.get(url(verifyUrl.substring(publicUrl.length())));
		assertThat(browser.findElement(By.id("licence-status")).getText()).isEqualTo("有效");
		assertThat(browser.findElement(By.cssSelector(".licence-verify dl")).getText()).contains("执业机构", "上海市东方医院");
		checkPage("verify");
	}

	private static String basic(String user) {
		return "Basic " + Base64.getEncoder().encodeToString((user + ":tongban-demo").getBytes(StandardCharsets.UTF_8));
	}

	/** The nurse's first registration, granted as handling publishes it. */
	private Licence registerTheNurse() throws Exception {
		String body = """
				{"itemCode": "PD-WJW-XK-001", "situation": "NEW",
				 "applicant": {"kind": "PERSON", "idNumber": "310115198503151230", "name": "张三"},
				 "form": {"phone": "13800000000", "institution": "上海市浦东新区人民医院", "practiceCategory": "护理"}}""";
		HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create(url("/api/cases/drafts")))
			.header("Authorization", basic("citizen")).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
		assertThat(created.statusCode()).isEqualTo(201);
		CaseId id = new CaseId(UUID.fromString(created.body().replaceAll("(?s).*\"id\":\"([0-9a-f-]+)\".*", "$1")));
		SignedInUser citizen = (SignedInUser) users.loadUserByUsername("citizen");
		for (String material : applications.requiredUploads(NURSE, "NEW")) {
			byte[] scan = Applying.scan(material);
			applications.addMaterial(citizen, id, material, "scan.pdf", scan.length, new ByteArrayResource(scan));
		}
		applications.submitDraft(citizen, id, UUID.randomUUID().toString());
		Case c = cases.find(id).orElseThrow();
		tx.executeWithoutResult(s -> events.publishEvent(new CaseDecided(c.id(), c.itemCode(), c.itemName(),
				c.situation(), c.situationName(), true, c.applicant(), clock.instant(), null, false, c.channel())));
		return await().atMost(Duration.ofSeconds(20)).until(() -> licences.forCase(id), Optional::isPresent).get();
	}
}
