package org.tongban.licences;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.awt.image.BufferedImage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;
import org.tongban.cases.Case;
import org.tongban.cases.CaseDecided;
import org.tongban.cases.CaseId;
import org.tongban.cases.CaseRecords;
import org.tongban.support.BrowserTest;
import org.tongban.identity.SignedInUser;
import org.tongban.support.Applying;

/** The holder's PDF, its QR code read from the rendered page, and the verification page it opens in Chromium. */
class VerifyingFromTheQrCodeInTheBrowserTests extends BrowserTest {

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
	private static final String AUTH = "Basic "
			+ Base64.getEncoder().encodeToString("citizen:tongban-demo".getBytes(StandardCharsets.UTF_8));

	@Test
	void theQrCodeOnTheLicenceOpensTheVerificationPageWithTheMaskedName() throws Exception {
		Licence licence = issueToCitizen();
		HttpResponse<byte[]> pdf = http.send(HttpRequest.newBuilder(URI.create(url("/api/licences/"
				+ java.net.URLEncoder.encode(licence.number(), StandardCharsets.UTF_8) + "/pdf")))
			.header("Authorization", AUTH).build(), HttpResponse.BodyHandlers.ofByteArray());
		assertThat(pdf.statusCode()).isEqualTo(200);

		String qr;
		try (PDDocument doc = Loader.loadPDF(pdf.body())) {
			// as a phone would: sharp (no smoothing of the code's modules), trying hard
			PDFRenderer renderer = new PDFRenderer(doc);
			renderer.setRenderingHints(new java.awt.RenderingHints(java.awt.RenderingHints.KEY_INTERPOLATION,
					java.awt.RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR));
			BufferedImage page = renderer.renderImageWithDPI(0, 300);
			qr = new QRCodeReader()
				.decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(page))),
						java.util.Map.of(com.google.zxing.DecodeHintType.TRY_HARDER, Boolean.TRUE))
				.getText();
		}
		assertThat(qr).doesNotContain("localhost").startsWith(publicUrl + "/verify/").endsWith("?c=" + licence.checkCode());

		// the QR names the public address; this test's server runs on its own port
		browser.get(url(qr.substring(publicUrl.length())));
		assertThat(browser.findElement(By.id("licence-status")).getText()).isEqualTo("有效");
		assertThat(browser.findElement(By.id("licence-holder")).getText()).isEqualTo("张*");
		assertThat(browser.findElement(By.id("licence-number")).getText()).isEqualTo(licence.number());
		String source = browser.getPageSource();
		assertThat(source).doesNotContain(licence.holderId()).doesNotContain("张三");
		checkPage("verify");
	}

	private Licence issueToCitizen() throws Exception {
		String body = """
				{"itemCode": "PD-WJW-XK-023", "situation": "NEW",
				 "applicant": {"kind": "PERSON", "idNumber": "310115198503151230", "name": "张三"},
				 "form": {"phone": "13800000000", "note": "浏览器核验"}}""";
		// the draft over HTTP, its scans and the submission as the service takes them
		HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create(url("/api/cases/drafts")))
			.header("Authorization", AUTH).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
		assertThat(created.statusCode()).isEqualTo(201);
		CaseId id = new CaseId(UUID.fromString(created.body().replaceAll("(?s).*\"id\":\"([0-9a-f-]+)\".*", "$1")));
		SignedInUser citizen = (SignedInUser) users.loadUserByUsername("citizen");
		for (String material : applications.requiredUploads("PD-WJW-XK-023", "NEW")) {
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
