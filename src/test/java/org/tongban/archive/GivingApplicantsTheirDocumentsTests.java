package org.tongban.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.text.Normalizer;
import java.time.Duration;
import java.util.UUID;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/**
 * The applicant keeps what they were given: at the window a receipt (收件凭证) with the case's number and query
 * code, and each notice and decision as a PDF on the case page — for the applicant and the staff whose duty
 * covers the case, each staff download logged as a view of personal data; anyone else gets 404.
 */
class GivingApplicantsTheirDocumentsTests extends ArchiveIntegrationTest {

	@Test
	void aWalkInGetsAReceiptWithNumberAndQueryCodeAndThenTheAcceptanceNotice() throws Exception {
		String id = atTheWindow();
		String json = mvc.perform(get("/api/cases/{id}", id).with(basic("clerk"))).andExpect(status().isOk())
				.andReturn().getResponse().getContentAsString();
		String number = json.replaceAll("(?s).*\"number\":\"([^\"]+)\".*", "$1");
		String queryCode = json.replaceAll("(?s).*\"queryCode\":\"([^\"]+)\".*", "$1");

		mvc.perform(get("/api/cases/{id}/documents", id).with(basic("citizen"))).andExpect(status().isOk())
				.andExpect(jsonPath("$", hasSize(1)))
				.andExpect(jsonPath("$[0].title").value("收件凭证"));
		int receipt = Integer.parseInt(mvc.perform(get("/api/cases/{id}/documents", id).with(basic("citizen")))
				.andReturn().getResponse().getContentAsString().replaceAll("(?s).*\"index\":(\\d+).*", "$1"));
		String text = text(mvc.perform(get("/cases/{id}/documents/{n}", id, receipt).with(basic("citizen")))
				.andExpect(status().isOk()).andExpect(content().contentType(MediaType.APPLICATION_PDF))
				.andExpect(header().string("Content-Disposition", Matchers.containsString(".pdf")))
				.andReturn().getResponse().getContentAsByteArray());
		// the person's name, not the login, and what was handed in on paper (NFKC turns （） into ())
		assertThat(text).contains("收件凭证").contains(number).contains(queryCode).contains("李窗口(受理)")
				.contains("纸质原件").contains("/track").contains("申请人留存件").doesNotContain("归档件");

		mvc.perform(post("/api/cases/{id}/actions/accept", id).with(basic("clerk"))).andExpect(status().isOk());
		mvc.perform(get("/api/cases/{id}/documents", id).with(basic("citizen")))
				.andExpect(jsonPath("$[*].title", Matchers.contains("收件凭证", "受理通知书")));
		mvc.perform(get("/cases/{id}/documents", id).with(basic("citizen"))).andExpect(status().isOk())
				.andExpect(content().string(Matchers.containsString("受理通知书（PDF）")));
	}

	@Test
	void onlyTheApplicantAndStaffWithTheDutyReachThemAndStaffDownloadsAreLogged() throws Exception {
		String id = atTheWindow();
		mvc.perform(post("/api/cases/{id}/actions/accept", id).with(basic("clerk"))).andExpect(status().isOk());
		int acceptance = 2;
		mvc.perform(get("/cases/{id}/documents/{n}", id, acceptance).with(basic("citizen"))).andExpect(status().isOk());
		// the item's division (生物医药处) reads it; administrators, enterprises and other divisions do not know it
		mvc.perform(get("/cases/{id}/documents/{n}", id, acceptance).with(basic("approver"))).andExpect(status().isOk());
		for (String outsider : new String[] {"admin", "enterprise", "medadmin"}) {
			mvc.perform(get("/cases/{id}/documents/{n}", id, acceptance).with(basic(outsider))).andExpect(status().isNotFound());
			mvc.perform(get("/api/cases/{id}/documents", id).with(basic(outsider))).andExpect(status().isNotFound());
		}
		mvc.perform(get("/api/cases/{id}/documents", id)).andExpect(status().isUnauthorized());
		// a step that gives the applicant no document, and one that does not exist
		mvc.perform(get("/cases/{id}/documents/{n}", id, 0).with(basic("citizen"))).andExpect(status().isNotFound());
		mvc.perform(get("/cases/{id}/documents/{n}", id, 99).with(basic("citizen"))).andExpect(status().isNotFound());
		mvc.perform(get("/cases/{id}/documents/{n}", UUID.randomUUID(), 1).with(basic("citizen"))).andExpect(status().isNotFound());
		assertThat(jdbc.sql("SELECT count(*) FROM identity_access_log WHERE username = 'approver' AND record_id = ?")
				.param(id).query(Integer.class).single()).isEqualTo(1);
		assertThat(jdbc.sql("SELECT count(*) FROM identity_access_log WHERE username = 'citizen' AND record_id = ?")
				.param(id).query(Integer.class).single()).isZero();
	}

	@Test
	void anOnlineApplicationHasNoReceiptAndADraftNoDocuments() throws Exception {
		String body = """
				{"itemCode": "%s", "situation": "NEW",
				 "applicant": {"kind": "PERSON", "idNumber": "%s", "name": "张三"}, "form": {"phone": "13800000000"}}"""
				.formatted(ITEM, CITIZEN_ID);
		String draft = mvc.perform(post("/api/cases/drafts").contentType(MediaType.APPLICATION_JSON).content(body)
				.with(basic("citizen"))).andExpect(status().isCreated()).andReturn().getResponse().getContentAsString()
				.replaceAll("(?s).*?\"id\":\"([0-9a-f-]+)\".*", "$1");
		mvc.perform(get("/api/cases/{id}/documents", draft).with(basic("citizen"))).andExpect(status().isOk())
				.andExpect(jsonPath("$", hasSize(0)));
	}

	private String atTheWindow() throws Exception {
		String body = """
				{"application": {"itemCode": "%s", "situation": "NEW",
				  "applicant": {"kind": "PERSON", "idNumber": "%s", "name": "张三"}, "form": {"phone": "13800000000"}},
				 "identityChecked": true}""".formatted(ITEM, CITIZEN_ID);
		String id = mvc.perform(post("/api/window/cases").contentType(MediaType.APPLICATION_JSON).content(body)
				.with(basic("clerk"))).andExpect(status().isCreated()).andReturn().getResponse().getContentAsString()
				.replaceAll("(?s).*?\"id\":\"([0-9a-f-]+)\".*", "$1");
		for (String material : applications.requiredUploads(ITEM, "NEW")) {
			mvc.perform(post("/api/cases/{id}/paper-materials", id).contentType(MediaType.APPLICATION_JSON)
					.content("{\"material\": \"" + material + "\"}").with(basic("clerk"))).andExpect(status().isCreated());
		}
		mvc.perform(post("/api/cases/{id}/actions/submit", id).header("Idempotency-Key", UUID.randomUUID().toString())
				.with(basic("clerk"))).andExpect(status().isCreated());
		await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql("SELECT step FROM cases_case WHERE id = ?")
				.param(UUID.fromString(id)).query(String.class).optional().isPresent());
		return id;
	}

	private static String text(byte[] pdf) throws Exception {
		try (PDDocument doc = Loader.loadPDF(pdf)) {
			return Normalizer.normalize(new PDFTextStripper().getText(doc), Normalizer.Form.NFKC);
		}
	}
}
