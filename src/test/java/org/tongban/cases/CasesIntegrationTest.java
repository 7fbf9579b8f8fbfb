package org.tongban.cases;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayOutputStream;
import java.util.UUID;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.springframework.mock.web.MockMultipartFile;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.tongban.support.TestClock;

/**
 * The whole application on the suite's shared database. Cases belong to the demo applicants "citizen" and
 * "enterprise"; every test uses fresh idempotency keys, and counts only its own cases.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
abstract class CasesIntegrationTest {

	static final String CITIZEN_ID = "310115198503151230";
	static final String ENTERPRISE_USCC = "91310115MA1K3Y4N2N";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestClock clock;

	@Autowired
	CaseHandling handling;

	static RequestPostProcessor basic(String username) {
		return httpBasic(username, "tongban-demo");
	}

	static String key() {
		return UUID.randomUUID().toString();
	}

	static String citizenBody(String item, String situation, String note) {
		return """
				{"itemCode": "%s", "situation": "%s",
				 "applicant": {"kind": "PERSON", "idNumber": "%s", "name": "张三"},
				 "form": {"phone": "13800000000", "note": "%s"}}""".formatted(item, situation, CITIZEN_ID, note);
	}

	static MockHttpServletRequestBuilder apply(String key, String body) {
		MockHttpServletRequestBuilder request = post("/api/cases").contentType(MediaType.APPLICATION_JSON).content(body);
		return key == null ? request : request.header("Idempotency-Key", key);
	}

	/**
	 * Applies as an applicant does when the situation asks for uploads: a draft, a scan of every required
	 * material that is not held by the authority, then the submission. Returns the submission's 201 body.
	 */
	String submitWithMaterials(String user, String body) throws Exception {
		String draft = mvc.perform(post("/api/cases/drafts").contentType(MediaType.APPLICATION_JSON).content(body)
				.with(basic(user))).andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
		String id = id(draft);
		String item = draft.replaceAll("(?s).*\"itemCode\":\"([^\"]+)\".*", "$1");
		String situation = draft.replaceAll("(?s).*\"situation\":\"([^\"]+)\".*", "$1");
		for (String material : handling.requiredUploads(item, situation)) {
			mvc.perform(multipart("/api/cases/{id}/materials", id)
					.file(new MockMultipartFile("file", "scan.pdf", "application/pdf", scan(material)))
					.param("material", material).with(basic(user))).andExpect(status().isCreated());
		}
		return mvc.perform(post("/api/cases/{id}/actions/submit", id).header("Idempotency-Key", key()).with(basic(user)))
				.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
	}

	/** A one-page PDF standing in for a scanned material. */
	static byte[] scan(String material) throws java.io.IOException {
		try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			PDPage page = new PDPage();
			doc.addPage(page);
			try (PDPageContentStream s = new PDPageContentStream(doc, page)) {
				s.beginText();
				s.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
				s.newLineAtOffset(50, 700);
				s.showText("scan " + Integer.toHexString(material.hashCode()));
				s.endText();
			}
			doc.save(out);
			return out.toByteArray();
		}
	}

	long casesWithKey(String owner, String key) {
		return jdbc.sql("""
				SELECT count(DISTINCT c.id) FROM cases_case c JOIN cases_idempotency k ON k.case_id = c.id
				WHERE k.owner = ? AND k.key = ?""").params(owner, key).query(Long.class).single();
	}

	static String id(String json) {
		return json.replaceAll("(?s).*\"id\":\"([0-9a-f-]+)\".*", "$1");
	}
}
