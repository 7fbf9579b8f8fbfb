package org.tongban.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import org.tongban.shared.AuditTrail;
import org.tongban.shared.FileStore;
import org.tongban.shared.Uploads;
import org.tongban.support.Applying;

/**
 * Where a guide says a blank form or a sample is provided, the item's editors upload it to a draft, it is kept with
 * the version from then on, and anyone downloads it from the published guide. XK-018 is edited here; GG-014 stays as
 * imported (no files: the window hands the form out); XK-028's seeded version gets demo mode's generated forms.
 */
class BlankFormsAndSamplesTests extends CatalogueIntegrationTest {

	static final String CODE = "PD-WJW-XK-018";
	static final String FORM = "放射诊疗建设项目卫生审查申请表";
	static final String FILES = "/api/catalogue/items/" + CODE + "/drafts/{version}/files/{kind}";

	@Autowired
	GuideEditing editing;

	@Autowired
	GuideFiles files;

	@Test
	void editorsKeepFormsWithTheDraftTheyArePublishedWithAndTheNextDraftStartsWithThem() throws Exception {
		int draft = catalogue.published(CODE).orElseThrow().version() + 1;
		mvc.perform(post("/api/catalogue/items/" + CODE + "/drafts").with(basic("biomed"))).andExpect(status().isCreated());
		byte[] pdf = Applying.pdf("blank form");

		// good: a PDF, by the item's division
		mvc.perform(upload(draft, "blank-form", FORM, new MockMultipartFile("file", "审查申请表.pdf", "application/pdf", pdf))
				.with(basic("biomed")))
				.andExpect(status().isCreated())
				.andExpect(jsonPath("$.material").value(FORM))
				.andExpect(jsonPath("$.mediaType").value(Uploads.PDF))
				.andExpect(jsonPath("$.sha256").value(sha256(pdf)));
		mvc.perform(upload(draft, "sample", FORM, new MockMultipartFile("file", "示范.docx", "application/octet-stream",
				docx())).with(basic("biomed"))).andExpect(status().isCreated())
				.andExpect(jsonPath("$.mediaType").value(Uploads.DOCX));

		// wrong type, too large, disguised: refused with the reason on the field, nothing kept
		mvc.perform(upload(draft, "blank-form", FORM, new MockMultipartFile("file", "表.txt", "text/plain",
				"纯文本".getBytes(StandardCharsets.UTF_8))).with(basic("biomed")))
				.andExpect(status().isBadRequest())
				.andExpect(content().contentTypeCompatibleWith("application/problem+json"))
				.andExpect(jsonPath("$.errors[0].field").value("file"))
				.andExpect(jsonPath("$.errors[0].message", containsString("实际格式不受支持")));
		mvc.perform(upload(draft, "blank-form", FORM, new MockMultipartFile("file", "大.pdf", "application/pdf",
				new byte[(int) Uploads.MAX_BYTES + 1])).with(basic("biomed")))
				.andExpect(status().isPayloadTooLarge())
				.andExpect(jsonPath("$.errors[0].message", containsString("超过 20 MB")));
		mvc.perform(upload(draft, "blank-form", FORM, new MockMultipartFile("file", "申请表.pdf", "application/pdf",
				"<html><body><script>alert(1)</script></body></html>".getBytes(StandardCharsets.UTF_8)))
				.with(basic("biomed")))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].message", containsString("判断依据是文件内容")));
		// a material that offers no form, and one the guide does not have
		mvc.perform(upload(draft, "blank-form", "法定代表人身份证明", new MockMultipartFile("file", "a.pdf",
				"application/pdf", pdf)).with(basic("biomed"))).andExpect(status().isNotFound());

		// not the item's editors: a citizen, another division's staff, a leader (reviews, does not edit)
		for (String who : List.of("citizen", "medadmin", "leader")) {
			mvc.perform(upload(draft, "blank-form", FORM, new MockMultipartFile("file", "a.pdf", "application/pdf", pdf))
					.with(basic(who))).andExpect(status().isForbidden());
			mvc.perform(delete(FILES, draft, "sample").param("material", FORM).with(basic(who)))
					.andExpect(status().isForbidden());
		}
		assertThat(files.files(CODE, draft)).extracting(GuideFile::material, GuideFile::kind, GuideFile::sha256)
				.containsExactly(org.assertj.core.groups.Tuple.tuple(FORM, GuideFileKind.BLANK_FORM, sha256(pdf)),
						org.assertj.core.groups.Tuple.tuple(FORM, GuideFileKind.SAMPLE, sha256(docx())));

		// the public does not see a draft's files
		mvc.perform(get("/catalogue/items/" + CODE + "/files/blank-form").param("material", FORM)
				.param("version", String.valueOf(draft))).andExpect(status().isNotFound());

		mvc.perform(post("/api/catalogue/items/" + CODE + "/drafts/" + draft + "/submit").with(basic("biomed")))
				.andExpect(status().isOk());
		mvc.perform(upload(draft, "blank-form", FORM, new MockMultipartFile("file", "a.pdf", "application/pdf", pdf))
				.with(basic("biomed"))).andExpect(status().isConflict());
		mvc.perform(post("/api/catalogue/items/" + CODE + "/drafts/" + draft + "/publish").with(basic("leader")))
				.andExpect(status().isOk());

		// published: the version's files cannot change, by the API or in the database
		mvc.perform(upload(draft, "blank-form", FORM, new MockMultipartFile("file", "a.pdf", "application/pdf", pdf))
				.with(basic("biomed"))).andExpect(status().isConflict())
				.andExpect(jsonPath("$.detail", containsString("只有草稿")));
		mvc.perform(delete(FILES, draft, "sample").param("material", FORM).with(basic("biomed")))
				.andExpect(status().isConflict());
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> jdbc.sql("DELETE FROM catalogue_guide_file"
				+ " WHERE item_code = ? AND version = ?").params(CODE, draft).update())
				.hasMessageContaining("cannot change");

		// anyone downloads the published version's form: an attachment with its UTF-8 name, its type, never sniffed
		byte[] downloaded = mvc.perform(get("/catalogue/items/" + CODE + "/files/blank-form").param("material", FORM))
				.andExpect(status().isOk())
				.andExpect(header().string("Content-Type", Uploads.PDF))
				.andExpect(header().string("X-Content-Type-Options", "nosniff"))
				.andExpect(header().string("Content-Disposition", containsString("attachment;")))
				.andExpect(header().string("Content-Disposition", containsString("filename*=UTF-8''"
						+ URLEncoder.encode("审查申请表.pdf", StandardCharsets.UTF_8))))
				.andReturn().getResponse().getContentAsByteArray();
		assertThat(downloaded).isEqualTo(pdf);
		mvc.perform(get("/catalogue/items/" + CODE + "/files/sample").param("material", FORM)
				.param("version", String.valueOf(draft)))
				.andExpect(status().isOk()).andExpect(header().string("Content-Type", Uploads.DOCX));
		mvc.perform(get("/catalogue/items/" + CODE + "/files/blank-form").param("material", "没有这份材料"))
				.andExpect(status().isNotFound());
		mvc.perform(get("/catalogue/items/" + CODE + "/files/manual").param("material", FORM))
				.andExpect(status().isNotFound());
		// the version's list: the public sees the files, not who uploaded them
		mvc.perform(get("/api/catalogue/items/" + CODE + "/versions/" + draft + "/files"))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$[0].sha256").value(sha256(pdf)))
				.andExpect(jsonPath("$[0].uploadedBy").doesNotExist());
		// the version before has none
		mvc.perform(get("/catalogue/items/" + CODE + "/files/blank-form").param("material", FORM)
				.param("version", String.valueOf(draft - 1))).andExpect(status().isNotFound());

		// the item page and the guidance result link the published version's files
		mvc.perform(get("/catalogue/items/" + CODE)).andExpect(status().isOk())
				.andExpect(content().string(containsString("空白表格下载")))
				.andExpect(content().string(containsString("示范文本下载")))
				.andExpect(content().string(containsString("/catalogue/items/" + CODE + "/files/blank-form?material=")));
		mvc.perform(get("/guidance/" + CODE + "/result").param("kind", "0")).andExpect(status().isOk())
				.andExpect(content().string(containsString("空白表格下载")))
				.andExpect(content().string(containsString("version=" + draft)));

		// the next draft starts with them; replacing and removing there shows in the diff
		int next = draft + 1;
		mvc.perform(post("/api/catalogue/items/" + CODE + "/drafts").with(basic("biomed"))).andExpect(status().isCreated());
		assertThat(files.files(CODE, next)).extracting(GuideFile::sha256).containsExactly(sha256(pdf), sha256(docx()));
		byte[] newer = Applying.pdf("blank form, revised");
		mvc.perform(upload(next, "blank-form", FORM, new MockMultipartFile("file", "审查申请表（2026版）.pdf",
				"application/pdf", newer)).with(basic("biomed"))).andExpect(status().isCreated());
		mvc.perform(delete(FILES, next, "sample").param("material", FORM).with(basic("biomed")))
				.andExpect(status().isNoContent());
		// removing what is not there changes nothing
		mvc.perform(delete(FILES, next, "sample").param("material", FORM).with(basic("biomed")))
				.andExpect(status().isNoContent());
		mvc.perform(get("/api/catalogue/items/" + CODE + "/diff").param("from", String.valueOf(draft))
				.param("to", String.valueOf(next)).with(basic("biomed")))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.files[?(@.kind == 'BLANK_FORM')].change").value("REPLACED"))
				.andExpect(jsonPath("$.files[?(@.kind == 'SAMPLE')].change").value("REMOVED"));
		mvc.perform(get("/catalogue/editing/" + CODE + "/diff").param("from", String.valueOf(draft - 1))
				.param("to", String.valueOf(draft)).with(as("biomed")))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("新增")))
				.andExpect(content().string(containsString("审查申请表.pdf")));
		// the published version kept its own
		assertThat(files.files(CODE, draft)).extracting(GuideFile::sha256).containsExactly(sha256(pdf), sha256(docx()));
	}

	@Test
	void onTheEditorPageARefusedFileIsShownBesideItsFieldWithTheRestOfThePage() throws Exception {
		String code = "PD-WJW-GG-014";
		String form = "建设项目预防性卫生审核申请表";
		Guide draft = editing.createDraft((org.tongban.identity.SignedInUser) users.loadUserByUsername("biomed"), code);
		String page = "/catalogue/editing/" + code + "/" + draft.version();
		mvc.perform(get(page).with(as("biomed"))).andExpect(status().isOk())
				.andExpect(content().string(containsString("空白表格与示范文本")))
				.andExpect(content().string(containsString("上传空白表格")))
				.andExpect(content().string(containsString("enctype=\"multipart/form-data\"")));

		mvc.perform(multipart(page + "/files").file(new MockMultipartFile("file", "表.pdf", "application/pdf",
				"<html>not a pdf</html>".getBytes(StandardCharsets.UTF_8))).param("kind", "blank-form")
				.param("material", form).with(as("biomed")).with(csrf()))
				.andExpect(status().isBadRequest())
				.andExpect(content().string(containsString("class=\"field-error\"")))
				.andExpect(content().string(containsString("实际格式不受支持")))
				.andExpect(content().string(containsString("保存草稿")));
		mvc.perform(multipart(page + "/files").file(new MockMultipartFile("file", "表.pdf", "application/pdf",
				Applying.pdf("form"))).param("kind", "blank-form").param("material", form).with(as("biomed"))
				.with(csrf()))
				.andExpect(redirectedUrl(page + "#files"));
		mvc.perform(get(page).with(as("biomed"))).andExpect(content().string(containsString("表.pdf")));
		mvc.perform(post(page + "/files/remove").param("kind", "blank-form").param("material", form)
				.with(as("biomed")).with(csrf())).andExpect(redirectedUrl(page + "#files"));
		assertThat(files.files(code, draft.version())).isEmpty();
		mvc.perform(multipart(page + "/files").file(new MockMultipartFile("file", "表.pdf", "application/pdf",
				Applying.pdf("form"))).param("kind", "blank-form").param("material", form).with(as("medadmin"))
				.with(csrf())).andExpect(status().isForbidden());

		// the published guide has no file yet: the page says so honestly instead of linking nowhere
		mvc.perform(get("/catalogue/items/" + code)).andExpect(status().isOk())
				.andExpect(content().string(containsString("空白表格可到窗口领取")))
				.andExpect(content().string(not(containsString("空白表格下载"))));
		mvc.perform(get("/guidance/" + code + "/result").param("kind", "0")).andExpect(status().isOk())
				.andExpect(content().string(containsString("空白表格可到窗口领取")));
		mvc.perform(get("/catalogue/items/" + code + "/files/blank-form").param("material", form))
				.andExpect(status().isNotFound());
	}

	@Autowired
	CatalogueStore store;

	@Autowired
	GuideFileStore fileRows;

	@Autowired
	FileStore fileStore;

	@Autowired
	GuideFormPdf pdf;

	@Autowired
	AuditTrail audit;

	@Autowired
	Clock clock;

	@Test
	void inDemoModeTheSeededGuideOffersFormsGeneratedFromItAndKeepsThem() throws Exception {
		String code = "PD-WJW-XK-028";
		GuideFiles demo = new GuideFiles(store, fileRows, catalogue, fileStore, pdf, audit, clock, true);
		Guide guide = catalogue.published(code).orElseThrow();
		assertThat(guide.author()).isEqualTo("system");
		GuideFiles.Offered offered = demo.offered(code, guide.version());
		assertThat(offered.blankForms()).isNotEmpty();
		String material = offered.blankForms().iterator().next();

		GuideFiles.Download download = demo.download(code, guide.version(), GuideFileKind.BLANK_FORM, material);
		assertThat(download.file().mediaType()).isEqualTo(Uploads.PDF);
		assertThat(download.file().uploadedBy()).isEqualTo("system");
		try (var in = download.content().get()) {
			assertThat(GeneratingDemoFormsTests.text(in.readAllBytes())).contains(GeneratingDemoFormsTests.plain(material))
					.contains(GeneratingDemoFormsTests.plain(guide.name()))
					.contains("本表格依据第 " + guide.version() + " 版办事指南生成");
		}
		// kept with the version: the next download is the same file
		assertThat(files.files(code, guide.version())).extracting(GuideFile::sha256)
				.containsExactly(download.file().sha256());
		assertThat(demo.download(code, guide.version(), GuideFileKind.BLANK_FORM, material).file().sha256())
				.isEqualTo(download.file().sha256());
	}

	MockMultipartHttpServletRequestBuilder upload(int version, String kind, String material, MockMultipartFile file) {
		return (MockMultipartHttpServletRequestBuilder) multipart(FILES, version, kind).file(file)
				.param("material", material);
	}

	static String sha256(byte[] bytes) throws Exception {
		return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
	}

	/** The smallest zip Uploads recognises as a Word document. */
	static byte[] docx() throws Exception {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(out)) {
			for (String name : List.of("[Content_Types].xml", "word/document.xml")) {
				ZipEntry entry = new ZipEntry(name);
				entry.setTime(0);
				zip.putNextEntry(entry);
				zip.write("<x/>".getBytes(StandardCharsets.UTF_8));
				zip.closeEntry();
			}
		}
		return out.toByteArray();
	}
}
