package org.tongban.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.util.UUID;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;

/** Materials go to a draft, judged by their bytes, within a per-case total. */
class UploadingMaterialsTests extends CasesIntegrationTest {

	/** A material of PD-WJW-XK-001 / CHANGE the applicant has to provide (not 免提交). */
	static final String MATERIAL = "原执业机构出具的解聘或离职证明";

	private String draft() throws Exception {
		return id(mvc.perform(post("/api/cases/drafts").contentType(MediaType.APPLICATION_JSON)
				.content(citizenBody("PD-WJW-XK-001", "CHANGE", "草稿")).with(basic("citizen")))
				.andExpect(status().isCreated())
				.andExpect(jsonPath("$.status").value("DRAFT"))
				.andReturn().getResponse().getContentAsString());
	}

	static byte[] png() throws Exception {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ImageIO.write(new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB), "png", out);
		return out.toByteArray();
	}

	private long materials(String id) {
		return jdbc.sql("SELECT count(*) FROM cases_material WHERE case_id = ?::uuid").param(id).query(Long.class)
				.single();
	}

	@Test
	void aScanIsStoredOnTheDraftAndTheDraftIsSubmittedOnce() throws Exception {
		String id = draft();
		mvc.perform(multipart("/api/cases/{id}/materials", id)
				.file(new MockMultipartFile("file", "审核表.jpg", "text/plain", png()))
				.param("material", MATERIAL).with(basic("citizen")))
				.andExpect(status().isCreated())
				.andExpect(jsonPath("$.mediaType").value("image/png"));
		org.tongban.support.Applying.uploadRequired(mvc, applications, "citizen", id, "PD-WJW-XK-001", "CHANGE");
		String key = key();
		mvc.perform(post("/api/cases/{id}/actions/submit", id).header("Idempotency-Key", key).with(basic("citizen")))
				.andExpect(status().isCreated()).andExpect(jsonPath("$.status").value("SUBMITTED"));
		mvc.perform(post("/api/cases/{id}/actions/submit", id).header("Idempotency-Key", key).with(basic("citizen")))
				.andExpect(status().isOk()).andExpect(jsonPath("$.id").value(id));
		// once submitted, the materials are fixed
		mvc.perform(multipart("/api/cases/{id}/materials", id)
				.file(new MockMultipartFile("file", "a.png", "image/png", png()))
				.param("material", MATERIAL).with(basic("citizen")))
				.andExpect(status().isConflict());
		assertThat(materials(id)).isEqualTo(1 + applications.requiredUploads("PD-WJW-XK-001", "CHANGE").size());
	}

	@Test
	void aProgramRenamedAsPdfIsRefused() throws Exception {
		String id = draft();
		byte[] exe = new byte[4096];
		exe[0] = 'M';
		exe[1] = 'Z';
		exe[0x3c] = (byte) 0x80;
		byte[] pe = "PE\0\0".getBytes(StandardCharsets.ISO_8859_1);
		System.arraycopy(pe, 0, exe, 0x80, pe.length);
		mvc.perform(multipart("/api/cases/{id}/materials", id)
				.file(new MockMultipartFile("file", "审核表.pdf", "application/pdf", exe))
				.param("material", MATERIAL).with(basic("citizen")))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].field").value("file"))
				.andExpect(jsonPath("$.errors[0].message").value(containsString("实际格式不受支持")));
		assertThat(materials(id)).isZero();
	}

	@Test
	void overThePerCaseLimitIsRefusedInChineseAndNothingIsSaved() throws Exception {
		String id = draft();
		// earlier uploads that already fill the case up to just under 100 MB
		jdbc.sql("""
				INSERT INTO cases_material (id, case_id, material, filename, media_type, sha256, size, uploaded_at)
				VALUES (?, ?::uuid, ?, 'scan.pdf', 'application/pdf', ?, ?, ?)""")
				.params(UUID.randomUUID(), id, MATERIAL, "0".repeat(64), CaseApplications.MAX_CASE_BYTES - 10,
						Timestamp.from(clock.instant()))
				.update();
		mvc.perform(multipart("/api/cases/{id}/materials", id)
				.file(new MockMultipartFile("file", "more.png", "image/png", png()))
				.param("material", MATERIAL).with(basic("citizen")))
				.andExpect(status().isContentTooLarge())
				.andExpect(jsonPath("$.detail").value(containsString("100 MB")));
		assertThat(materials(id)).isEqualTo(1);
	}

	@Test
	void aMaterialNotOnTheListOrHeldByTheAuthorityIsRefused() throws Exception {
		String id = draft();
		mvc.perform(multipart("/api/cases/{id}/materials", id)
				.file(new MockMultipartFile("file", "a.png", "image/png", png()))
				.param("material", "不存在的材料").with(basic("citizen")))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].field").value("material"));
		mvc.perform(multipart("/api/cases/{id}/materials", id)
				.file(new MockMultipartFile("file", "a.png", "image/png", png()))
				.param("material", "护士执业证书").with(basic("citizen")))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].message").value(containsString("免提交")));
	}

	@Test
	void onlyTheOwnerUploads() throws Exception {
		String id = draft();
		mvc.perform(multipart("/api/cases/{id}/materials", id)
				.file(new MockMultipartFile("file", "a.png", "image/png", png()))
				.param("material", MATERIAL).with(basic("enterprise")))
				.andExpect(status().isNotFound());
		assertThat(materials(id)).isZero();
	}
}
