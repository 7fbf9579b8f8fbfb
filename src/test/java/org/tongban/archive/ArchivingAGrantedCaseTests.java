package org.tongban.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.tongban.cases.CaseId;
import org.tongban.support.Applying;

/**
 * A case granted through real handling is completed by the cases module, gets its licence from the licences
 * module, and is archived with that licence in the package.
 */
class ArchivingAGrantedCaseTests extends ArchiveIntegrationTest {

	@Test
	void aGrantedCaseIsArchivedWithItsLicence() throws Exception {
		String id = Applying.submitWithMaterials(mvc, applications, "citizen", """
				{"itemCode": "%s", "situation": "NEW",
				 "applicant": {"kind": "PERSON", "idNumber": "%s", "name": "张三"}, "form": {"phone": "13800000000"}}"""
				.formatted(ITEM, CITIZEN_ID));
		CaseId caseId = new CaseId(UUID.fromString(id));
		await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql("SELECT step FROM cases_case WHERE id = ?")
				.param(caseId.value()).query(String.class).optional().orElse(null) != null);
		for (String[] step : new String[][] {{"clerk", "accept"}, {"approver", "approve"}, {"approver2", "approve"}}) {
			mvc.perform(post("/api/cases/{id}/actions/{a}", id, step[1]).with(basic(step[0]))).andExpect(status().isOk());
		}
		// the completion event of the real handling puts the case on the archive's list
		await().atMost(Duration.ofSeconds(20)).until(() -> packageRows(caseId) == 1);
		await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("SELECT count(*) FROM licences_licence WHERE case_id = ?")
				.param(caseId.value()).query(Long.class).single() == 1);
		assertThat(archiving.build(caseId)).isEqualTo(Archiving.Outcome.ARCHIVED);
		Map<String, byte[]> files;
		try (var in = store.open(caseId).orElseThrow()) {
			files = unzip(in);
		}
		assertThat(files).containsKey(id + "/representations/documents/licence.pdf");
		assertThat(new String(files.get(id + "/manifest.json"), java.nio.charset.StandardCharsets.UTF_8))
				.contains("representations/documents/licence.pdf");
	}
}
