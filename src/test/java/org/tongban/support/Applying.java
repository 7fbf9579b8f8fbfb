package org.tongban.support;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.UUID;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.tongban.cases.CaseApplications;

/**
 * Applying as an applicant does when the situation asks for uploads, over the API: a draft, a scan of every
 * required material the authority does not hold already, then the submission.
 */
public final class Applying {

	private Applying() {
	}

	/** Returns the id of the submitted case; {@code body} is what {@code POST /api/cases} would take. */
	public static String submitWithMaterials(MockMvc mvc, CaseApplications applications, String user, String body) throws Exception {
		String id = draft(mvc, user, body);
		uploadRequired(mvc, applications, user, id, field(body, "itemCode"), field(body, "situation"));
		mvc.perform(post("/api/cases/{id}/actions/submit", id).header("Idempotency-Key", UUID.randomUUID().toString())
				.with(httpBasic(user, "tongban-demo"))).andExpect(status().isCreated());
		return id;
	}

	/** A draft from the body of {@code POST /api/cases}; returns its id. */
	public static String draft(MockMvc mvc, String user, String body) throws Exception {
		String json = mvc.perform(post("/api/cases/drafts").contentType(MediaType.APPLICATION_JSON).content(body)
				.with(httpBasic(user, "tongban-demo"))).andExpect(status().isCreated()).andReturn().getResponse()
				.getContentAsString();
		return field(json, "id");
	}

	/** Uploads a scan of every required material of the situation to the draft, but those in {@code except}. */
	public static void uploadRequired(MockMvc mvc, CaseApplications applications, String user, String id, String item,
			String situation, String... except) throws Exception {
		for (String material : applications.requiredUploads(item, situation)) {
			if (java.util.Arrays.asList(except).contains(material)) {
				continue;
			}
			mvc.perform(multipart("/api/cases/{id}/materials", id)
					.file(new MockMultipartFile("file", "scan.pdf", "application/pdf", scan(material)))
					.param("material", material).with(httpBasic(user, "tongban-demo"))).andExpect(status().isCreated());
		}
	}

	/** A one-page PDF standing in for a scanned material. */
	public static byte[] scan(String material) throws IOException {
		return pdf("scan " + Integer.toHexString(material.hashCode()));
	}

	/** A one-page PDF with one line of (ASCII) text. */
	public static byte[] pdf(String text) throws IOException {
		try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			PDPage page = new PDPage();
			doc.addPage(page);
			try (PDPageContentStream s = new PDPageContentStream(doc, page)) {
				s.beginText();
				s.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
				s.newLineAtOffset(50, 700);
				s.showText(text);
				s.endText();
			}
			doc.save(out);
			return out.toByteArray();
		}
	}

	private static String field(String json, String name) {
		return json.replaceAll("(?s).*?\"" + name + "\"\\s*:\\s*\"([^\"]+)\".*", "$1");
	}
}
