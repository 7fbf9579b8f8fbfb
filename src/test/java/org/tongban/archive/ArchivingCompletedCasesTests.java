package org.tongban.archive;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.tongban.cases.CaseRecords;
import org.tongban.cases.CaseStatus;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A completed case becomes one package whose manifest matches its files, registered once on the chain. */
class ArchivingCompletedCasesTests extends ArchiveIntegrationTest {

	@Autowired
	JsonMapper json;

	@Autowired
	CaseRecords cases;

	@Autowired
	PackageBuilder builder;

	static String sm3(byte[] data) {
		SM3Digest d = new SM3Digest();
		d.update(data, 0, data.length);
		byte[] out = new byte[32];
		d.doFinal(out, 0);
		return HexFormat.of().formatHex(out);
	}

	@Test
	void aCompletedCaseGetsAPackageWhoseManifestMatchesItsFiles() throws Exception {
		MadeCase c = archivedCase();
		assertThat(packageStatus(c.id())).isEqualTo("ARCHIVED");
		Path file = store.pathOf(c.id());
		byte[] zip = Files.readAllBytes(file);
		Map<String, byte[]> entries;
		try (InputStream in = Files.newInputStream(file)) {
			entries = unzip(in);
		}
		String prefix = c.id() + "/";
		assertThat(entries.keySet()).allMatch(n -> n.startsWith(prefix));
		assertThat(entries.keySet().iterator().next()).isEqualTo(prefix + "manifest.json");

		JsonNode manifest = json.readTree(entries.get(prefix + "manifest.json"));
		assertThat(manifest.get("digestAlgorithm").asString()).isEqualTo("SM3");
		List<String> listed = new java.util.ArrayList<>();
		for (JsonNode f : manifest.get("files")) {
			String path = f.get("path").asString();
			listed.add(path);
			byte[] bytes = entries.get(prefix + path);
			assertThat(bytes).as(path).isNotNull();
			assertThat(f.get("size").asLong()).as(path).isEqualTo(bytes.length);
			assertThat(f.get("sm3").asString()).as(path).isEqualTo(sm3(bytes));
		}
		// every file but the manifest itself is listed
		assertThat(listed).hasSize(entries.size() - 1);

		// the uploaded material, byte for byte
		assertThat(entries.get(prefix + "representations/materials/01-申请表.pdf")).isEqualTo(c.material());
		// metadata from the case file
		JsonNode meta = json.readTree(entries.get(prefix + "metadata/case.json"));
		assertThat(meta.get("caseId").asString()).isEqualTo(c.id().toString());
		assertThat(meta.get("itemCode").asString()).isEqualTo(ITEM);
		assertThat(meta.get("situation").asString()).isEqualTo("NEW");
		assertThat(meta.get("applicant").get("name").asString()).isEqualTo("张三");
		assertThat(meta.get("applicant").get("idNumber").asString()).isEqualTo(CITIZEN_ID);
		assertThat(meta.get("status").asString()).isEqualTo("WITHDRAWN");
		assertThat(meta.get("form").get("note").asString()).isEqualTo("归档测试");
		JsonNode events = json.readTree(entries.get(prefix + "metadata/events.json"));
		assertThat(events).hasSize(3);
		assertThat(events.get(2).get("reason").asString()).isEqualTo(WITHDRAW_REASON);

		// the summary and the withdrawal record as PDFs with the Chinese text in an embedded font
		byte[] withdrawal = entries.get(prefix + "representations/documents/03-withdrawal-record.pdf");
		assertThat(withdrawal).isNotNull();
		try (PDDocument doc = Loader.loadPDF(withdrawal)) {
			// Noto Sans SC shares glyphs between ideographs and Kangxi radicals (人/⼈): PDFBox's ToUnicode map
			// may name the radical, so extracted text is compared after NFKC folding
			String text = java.text.Normalizer.normalize(new PDFTextStripper().getText(doc), java.text.Normalizer.Form.NFKC);
			assertThat(text).contains("撤回申请记录").contains(java.text.Normalizer.normalize(WITHDRAW_REASON, java.text.Normalizer.Form.NFKC))
				// the notice names the case by the 办件编号 the applicant knows, not the internal id
				.contains("办件编号 " + jdbc.sql("SELECT case_number FROM cases_case WHERE id = ?").param(c.id().value())
						.query(String.class).single()).doesNotContain(c.id().toString());
			var font = doc.getPage(0).getResources().getFont(doc.getPage(0).getResources().getFontNames().iterator().next());
			assertThat(font.getName()).contains("NotoSansSC");
			assertThat(font.isEmbedded()).isTrue();
		}
		try (PDDocument doc = Loader.loadPDF(entries.get(prefix + "representations/documents/00-case-summary.pdf"))) {
			assertThat(java.text.Normalizer.normalize(new PDFTextStripper().getText(doc), java.text.Normalizer.Form.NFKC))
				.contains("办件归档摘要").contains("申请表.pdf");
		}
		// no notice for the draft and the submission, which carry neither reason nor decision
		assertThat(entries.keySet()).filteredOn(n -> n.contains("/documents/"))
			.containsExactly(prefix + "representations/documents/00-case-summary.pdf",
					prefix + "representations/documents/03-withdrawal-record.pdf");

		// the package row and the chain agree with the stored bytes
		String digest = sm3(zip);
		assertThat(jdbc.sql("SELECT sm3 FROM archive_package WHERE case_id = ?").param(c.id().value())
			.query(String.class).single()).isEqualTo(digest);
		assertThat(jdbc.sql("SELECT package_sm3 FROM archive_chain_entry WHERE case_id = ? AND kind = 'PACKAGE'")
			.param(c.id().value()).query(String.class).single()).isEqualTo(digest);
		// retention from the guide (30 years for PD-WJW-XK-008)
		LocalDate completed = jdbc.sql("SELECT completed_at FROM archive_package WHERE case_id = ?")
			.param(c.id().value()).query(java.sql.Timestamp.class).single().toInstant()
			.atZone(ZoneId.of("Asia/Shanghai")).toLocalDate();
		assertThat(jdbc.sql("SELECT retain_until FROM archive_package WHERE case_id = ?").param(c.id().value())
			.query(java.sql.Date.class).single().toLocalDate()).isEqualTo(completed.plusYears(30));

		// rebuilding gives the same bytes
		var again = builder.build(cases.find(c.id()).orElseThrow(),
				jdbc.sql("SELECT completed_at FROM archive_package WHERE case_id = ?").param(c.id().value())
					.query(java.sql.Timestamp.class).single().toInstant(),
				30, java.util.Optional.empty());
		for (var f : again.manifest()) {
			assertThat(sm3(entries.get(prefix + f.path()))).as(f.path()).isEqualTo(f.sm3());
		}
		assertThat(again.sm3()).isEqualTo(digest);
		assertThat(new String(entries.get(prefix + "manifest.json"), StandardCharsets.UTF_8)).contains(c.id().toString());
	}

	@Test
	void theEventDeliveredTwiceGivesOnePackageAndOneChainEntry() throws Exception {
		MadeCase c = archivedCase();
		complete(c.id());
		assertThat(packageRows(c.id())).isEqualTo(1);
		assertThat(archiving.build(c.id())).isEqualTo(Archiving.Outcome.SKIPPED);
		archiving.buildPending();
		assertThat(chainEntries(c.id(), "PACKAGE")).isEqualTo(1);
		assertThat(packageStatus(c.id())).isEqualTo("ARCHIVED");
	}

	@Test
	void storageNotWritableLeavesThePackagePendingAndARetrySucceeds() throws Exception {
		MadeCase c = withdrawnCase();
		// a directory where the package's temporary file must go: the write fails, even for root
		Path blocker = store.pathOf(c.id()).resolveSibling(c.id() + ".zip.tmp");
		Files.createDirectories(blocker);
		Files.writeString(blocker.resolve("occupied"), "x");
		try {
			complete(c.id());
			assertThat(archiving.build(c.id())).isEqualTo(Archiving.Outcome.FAILED);
			assertThat(packageStatus(c.id())).isEqualTo("PENDING");
			Map<String, Object> row = jdbc.sql("SELECT attempts, last_error FROM archive_package WHERE case_id = ?")
				.param(c.id().value()).query().singleRow();
			assertThat(row.get("attempts")).isEqualTo(1);
			assertThat((String) row.get("last_error")).isNotBlank();
			assertThat(chainEntries(c.id(), "PACKAGE")).isZero();
			// the scheduled run waits for the retry delay
			archiving.buildPending();
			assertThat(packageStatus(c.id())).isEqualTo("PENDING");
			// the case itself is untouched
			assertThat(cases.find(c.id()).orElseThrow().status()).isEqualTo(CaseStatus.WITHDRAWN);
		}
		finally {
			Files.delete(blocker.resolve("occupied"));
			Files.delete(blocker);
		}
		assertThat(archiving.build(c.id())).isEqualTo(Archiving.Outcome.ARCHIVED);
		Map<String, Object> row = jdbc.sql("SELECT attempts, last_error FROM archive_package WHERE case_id = ?")
			.param(c.id().value()).query().singleRow();
		assertThat(row.get("attempts")).isEqualTo(2);
		assertThat(row.get("last_error")).isNull();
		assertThat(chainEntries(c.id(), "PACKAGE")).isEqualTo(1);
		assertThat(Files.exists(store.pathOf(c.id()))).isTrue();
	}
}
