package org.tongban.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.tongban.licences.DocumentSignatures;
import org.tongban.shared.PublicUrl;

import tools.jackson.databind.JsonNode;

/**
 * 专用信用报告 (plan task 19): in place of a certificate of no violations, the entity's record in the health-supervision
 * field over one to three years, signed with SM3withSM2 and verifiable by number and check code like a licence. The
 * basis: 《上海市社会信用条例》第二十二条 (public credit information) and 第三十条 (graded supervision); only an
 * enterprise's own entity, only staff for others.
 */
class IssuingCreditReportsTests extends SupervisionIntegrationTest {

	@Autowired
	DocumentSignatures signatures;

	@Autowired
	PublicUrl publicUrl;

	private MockHttpServletResponse issue(RequestPostProcessor who, String body) throws Exception {
		return mvc.perform(post("/api/supervision/credit-reports").with(who).contentType(MediaType.APPLICATION_JSON)
			.content(body)).andReturn().getResponse();
	}

	private JsonNode body(MockHttpServletResponse response, int expected) throws Exception {
		String text = response.getContentAsString(StandardCharsets.UTF_8);
		assertThat(response.getStatus()).as(text).isEqualTo(expected);
		return json.readTree(text);
	}

	@Test
	void aCleanEntityGetsASignedReportThatAnyoneVerifiesWithTheCheckCode() throws Exception {
		Business clinic = business("MEDICAL");
		JsonNode report = body(issue(clinic.auth(),
				"{\"uscc\": \"%s\", \"purpose\": \"招投标\"}".formatted(clinic.uscc())), 201);
		JsonNode content = report.get("content");
		assertThat(report.get("number").asString()).matches("XYBG2026\\d{6}");
		assertThat(content.get("uscc").asString()).isEqualTo(clinic.uscc());
		assertThat(content.get("clean").asBoolean()).isTrue();
		assertThat(content.get("conclusion").asString()).startsWith("报告期（2023年6月16日至2026年6月15日）内，未发现");
		assertThat(content.get("periodFrom").asString()).isEqualTo("2023-06-16");
		assertThat(content.get("violations")).isEmpty();

		String number = report.get("number").asString();
		String code = report.get("checkCode").asString();
		JsonNode verified = body(mvc.perform(get("/api/public/credit-reports/{n}", number).param("c", code))
			.andReturn().getResponse(), 200);
		assertThat(verified.get("signatureValid").asBoolean()).isTrue();
		assertThat(verified.get("content").get("conclusion")).isEqualTo(content.get("conclusion"));
		// the signature checks with the published key over the published canonical text, outside the product
		assertThat(org.tongban.licences.LicenceSignatures.verify(
				org.tongban.licences.LicenceSignatures.publicKeyFromPem(verified.get("publicKey").asString()),
				verified.get("canonical").asString().getBytes(StandardCharsets.UTF_8), verified.get("signature").asString()))
			.isTrue();
		// a changed text does not verify
		assertThat(signatures.verify(verified.get("canonical").asString().replace("未发现", "发现"),
				verified.get("signature").asString())).isFalse();

		// a wrong code and an unknown number look the same: 404, nothing about the report
		String wrong = body(mvc.perform(get("/api/public/credit-reports/{n}", number).param("c", "AAAAAAAA"))
			.andReturn().getResponse(), 404).get("detail").asString();
		String unknown = body(mvc.perform(get("/api/public/credit-reports/{n}", "XYBG2026999999").param("c", code))
			.andReturn().getResponse(), 404).get("detail").asString();
		assertThat(wrong).isEqualTo(unknown).doesNotContain(clinic.uscc());
		// the public page shows the verdict
		String page = mvc.perform(get("/public/credit-reports/{n}", number).param("c", code)).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).contains("核验通过").contains(clinic.uscc());
	}

	@Test
	void penaltiesInThePeriodAreListedAndOlderOnesAreNot() throws Exception {
		Business pool = business("PUBLIC_PLACE");
		String events = "/api/supervision/entities/" + pool.uscc() + "/credit-events";
		postJson("supervisor", events, "{\"kind\": \"PENALTY\", \"occurredOn\": \"2026-03-02\", \"note\": \"浦卫监罚〔2026〕12号\"}", 201);
		postJson("supervisor", events, "{\"kind\": \"PENALTY\", \"occurredOn\": \"2024-09-10\", \"note\": \"浦卫监罚〔2024〕88号\"}", 201);
		postJson("supervisor", events, "{\"kind\": \"GOOD_RECORD\", \"occurredOn\": \"2026-05-02\", \"note\": \"连续两年检查无违法\"}", 201);

		JsonNode three = body(issue(pool.auth(), "{\"uscc\": \"%s\", \"purpose\": \"融资\"}".formatted(pool.uscc())), 201)
			.get("content");
		assertThat(three.get("clean").asBoolean()).isFalse();
		assertThat(notes(three.get("violations"))).containsExactly("浦卫监罚〔2024〕88号", "浦卫监罚〔2026〕12号");
		assertThat(notes(three.get("goodRecords"))).containsExactly("连续两年检查无违法");
		assertThat(three.get("conclusion").asString()).contains("有 2 条失信或违法违规记录");

		// over one year (2025-06-16 to 2026-06-15) the 2024 penalty is outside the period
		JsonNode one = body(issue(pool.auth(),
				"{\"uscc\": \"%s\", \"purpose\": \"融资\", \"years\": 1}".formatted(pool.uscc())), 201).get("content");
		assertThat(one.get("periodFrom").asString()).isEqualTo(LocalDate.of(2025, 6, 16).toString());
		assertThat(notes(one.get("violations"))).containsExactly("浦卫监罚〔2026〕12号");

		// the enterprise lists its own reports, newest first
		JsonNode mine = body(mvc.perform(get("/api/supervision/credit-reports").with(pool.auth())).andReturn().getResponse(), 200);
		assertThat(mine).hasSize(2);
	}

	@Test
	void thePdfCarriesTheRecordAndAQrCodeToTheVerificationPage() throws Exception {
		Business clinic = business("MEDICAL_BEAUTY");
		JsonNode report = body(issue(clinic.auth(),
				"{\"uscc\": \"%s\", \"purpose\": \"评优评先\"}".formatted(clinic.uscc())), 201);
		byte[] pdf = mvc.perform(get(report.get("pdf").asString()).with(clinic.auth())).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsByteArray();
		try (PDDocument doc = Loader.loadPDF(pdf)) {
			String text = Normalizer.normalize(new PDFTextStripper().getText(doc), Normalizer.Form.NFKC);
			assertThat(text).contains("专用信用报告").contains(report.get("number").asString()).contains(clinic.uscc())
				.contains("评优评先");
			// the QR code as embedded (the page also carries the seal): decode each image until one is a QR code
			String qr = null;
			var resources = doc.getPage(0).getResources();
			for (var name : resources.getXObjectNames()) {
				if (qr == null && resources.getXObject(name) instanceof org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject image) {
					try {
						qr = new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(
								new BufferedImageLuminanceSource(image.getImage())))).getText();
					}
					catch (com.google.zxing.NotFoundException | com.google.zxing.ChecksumException
							| com.google.zxing.FormatException e) {
						// the seal
					}
				}
			}
			assertThat(qr).isEqualTo(publicUrl.base() + "/public/credit-reports/" + report.get("number").asString() + "?c="
					+ report.get("checkCode").asString());
		}
		// the same report renders to the same bytes
		byte[] again = mvc.perform(get(report.get("pdf").asString()).with(basic("supervisor"))).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsByteArray();
		assertThat(again).isEqualTo(pdf);
	}

	@Test
	void onlyTheEnterpriseItselfAndSupervisionStaffMayHaveItsReport() throws Exception {
		Business mine = business("MEDICAL");
		Business other = business("MEDICAL");
		// another enterprise's USCC is not found, whether or not it is registered
		assertThat(body(issue(mine.auth(), "{\"uscc\": \"%s\", \"purpose\": \"招投标\"}".formatted(other.uscc())), 404)
			.get("detail").asString()).contains("只能为本单位");
		JsonNode theirs = body(issue(other.auth(), "{\"uscc\": \"%s\", \"purpose\": \"招投标\"}".formatted(other.uscc())), 201);
		String path = "/api/supervision/credit-reports/" + theirs.get("id").asString();
		mvc.perform(get(path).with(mine.auth())).andExpect(status().isNotFound());
		mvc.perform(get(path + "/pdf").with(mine.auth())).andExpect(status().isNotFound());
		mvc.perform(get("/supervision/credit-reports/" + theirs.get("id").asString()).with(mine.auth()))
			.andExpect(status().isNotFound());
		// the list is always the enterprise's own, whatever it asks for
		JsonNode list = body(mvc.perform(get("/api/supervision/credit-reports").param("uscc", other.uscc())
			.with(mine.auth())).andReturn().getResponse(), 200);
		assertThat(list).isEmpty();
		// staff read; planners issue for any entity, inspectors do not issue; citizens have no business here
		mvc.perform(get(path).with(basic("supervisor"))).andExpect(status().isOk());
		mvc.perform(get(path).with(basic("inspector"))).andExpect(status().isOk());
		body(issue(basic("supervisor"), "{\"uscc\": \"%s\", \"purpose\": \"核查\"}".formatted(mine.uscc())), 201);
		assertThat(issue(basic("inspector"), "{\"uscc\": \"%s\", \"purpose\": \"核查\"}".formatted(mine.uscc())).getStatus())
			.isEqualTo(403);
		mvc.perform(get(path).with(basic("citizen"))).andExpect(status().isForbidden());
		mvc.perform(get(path)).andExpect(status().isUnauthorized());
	}

	@Test
	void badRequestsAreRefusedFieldByFieldAndNothingIsIssued() throws Exception {
		Business clinic = business("MEDICAL");
		long before = count(clinic.uscc());
		JsonNode problem = body(issue(clinic.auth(), "{\"uscc\": \"%s\", \"years\": 5}".formatted(clinic.uscc())), 400);
		assertThat(fields(problem)).containsExactly("purpose", "years");
		assertThat(problem.get("errors").get(0).get("message").asString()).contains("报告用途");
		body(issue(clinic.auth(), "{\"uscc\": \"%s\", \"purpose\": \"%s\"}".formatted(clinic.uscc(), "长".repeat(101))), 400);
		body(issue(basic("supervisor"), "{\"uscc\": \"%s\", \"purpose\": \"核查\"}".formatted(newUscc())), 404);
		assertThat(count(clinic.uscc())).isEqualTo(before);
	}

	@Test
	void theFormIssuesAReportAndEscapesWhatWasTyped() throws Exception {
		Business clinic = business("MEDICAL");
		String location = mvc.perform(post("/supervision/credit-reports").with(clinic.auth()).with(csrf())
			.param("purpose", "<script>alert(1)</script>招投标").param("years", "2"))
			.andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
		String page = mvc.perform(get(location).with(clinic.auth())).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).contains("&lt;script&gt;alert(1)&lt;/script&gt;招投标").doesNotContain("<script>alert(1)")
			.contains("2024-06-16");
		// a missing purpose: the form again, the message beside the field, nothing issued
		long before = count(clinic.uscc());
		String form = mvc.perform(post("/supervision/credit-reports").with(clinic.auth()).with(csrf()).param("purpose", " "))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(form).contains("id=\"purpose-error\"").contains("请写明报告用途");
		assertThat(count(clinic.uscc())).isEqualTo(before);
		// without the CSRF token the form is refused
		mvc.perform(post("/supervision/credit-reports").with(clinic.auth()).param("purpose", "招投标"))
			.andExpect(status().isForbidden());
	}

	@Test
	void anIssuedReportCannotBeChanged() throws Exception {
		Business clinic = business("MEDICAL");
		JsonNode report = body(issue(clinic.auth(), "{\"uscc\": \"%s\", \"purpose\": \"招投标\"}".formatted(clinic.uscc())), 201);
		assertThatThrownBy(() -> jdbc.sql("UPDATE supervision_credit_report SET canonical = '{}' WHERE number = ?")
			.param(report.get("number").asString()).update()).hasMessageContaining("append-only");
	}

	private long count(String uscc) {
		return jdbc.sql("SELECT count(*) FROM supervision_credit_report WHERE uscc = ?").param(uscc).query(Long.class).single();
	}

	private static List<String> notes(JsonNode entries) {
		List<String> out = new ArrayList<>();
		entries.forEach(e -> out.add(e.get("note").asString()));
		return out;
	}

	private static List<String> fields(JsonNode problem) {
		List<String> out = new ArrayList<>();
		problem.get("errors").forEach(e -> out.add(e.get("field").asString()));
		return out;
	}
}
