package org.tongban.archive;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;


import org.junit.jupiter.api.Test;

/**
 * Staff find packages by case, applicant, item and dates, the applicant's ID masked; applicants cannot; only the
 * item's division downloads a package's contents (administrators see its metadata only), each download logged.
 */
class SearchingTheArchiveTests extends ArchiveIntegrationTest {

	@Test
	void staffFindPackagesAndApplicantsAreRefused() throws Exception {
		MadeCase c = archivedCase();
		String caseId = c.id().toString();
		mvc.perform(get("/api/archive/packages").param("caseId", caseId).with(basic("clerk")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.length()").value(1))
			.andExpect(jsonPath("$[0].caseId").value(caseId))
			.andExpect(jsonPath("$[0].itemCode").value(ITEM))
			.andExpect(jsonPath("$[0].applicantName").value("张三"))
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString(CITIZEN_ID))))
			.andExpect(jsonPath("$[0].status").value("ARCHIVED"))
			.andExpect(jsonPath("$[0].sizeBytes").isNumber())
			.andExpect(jsonPath("$[0].sm3").value(org.hamcrest.Matchers.matchesPattern("[0-9a-f]{64}")))
			.andExpect(jsonPath("$[0].retainUntil").isString())
			.andExpect(jsonPath("$[0].archivedAt").isString());
		String today = clock.today().toString();
		mvc.perform(get("/api/archive/packages").param("applicant", CITIZEN_ID).param("itemCode", ITEM)
				.param("from", today).param("to", today).with(basic("inspector")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[*].caseId", hasItem(caseId)));
		mvc.perform(get("/api/archive/packages").param("applicant", "张").param("itemCode", ITEM).with(basic("leader")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[*].caseId", hasItem(caseId)));
		mvc.perform(get("/api/archive/packages").param("caseId", caseId).param("to", "2020-01-01").with(basic("clerk")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.length()").value(0));
		mvc.perform(get("/api/archive/packages").param("caseId", "not-a-uuid").with(basic("clerk")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("caseId"));

		mvc.perform(get("/api/archive/packages").param("caseId", caseId).with(basic("citizen")))
			.andExpect(status().isForbidden());
		mvc.perform(get("/api/archive/packages").param("caseId", caseId).with(basic("enterprise")))
			.andExpect(status().isForbidden());
		mvc.perform(get("/archive").with(basic("citizen"))).andExpect(status().isForbidden());

		mvc.perform(get("/archive").param("caseId", caseId).with(basic("clerk")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(caseId)))
			.andExpect(content().string(containsString("电子档案")));
	}

	@Test
	void onlyTheItemsDivisionDownloads() throws Exception {
		MadeCase c = archivedCase();
		String id = packageId(c.id()).toString();
		byte[] zip = mvc.perform(get("/api/archive/packages/{id}/download", id).with(basic("approver")))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", "application/zip"))
			.andReturn().getResponse().getContentAsByteArray();
		org.assertj.core.api.Assertions.assertThat(zip)
			.isEqualTo(java.nio.file.Files.readAllBytes(store.pathOf(c.id())));
		// the contents carry the applicant's personal data: administrators manage the archive but do not read it
		mvc.perform(get("/archive/packages/{id}/download", id).with(basic("admin"))).andExpect(status().isForbidden());
		mvc.perform(get("/api/archive/packages/{id}/download", id).with(basic("clerk")))
			.andExpect(status().isForbidden());
		// division staff of the item's division download it; another division's do not find it
		mvc.perform(get("/api/archive/packages/{id}/download", id).with(basic("biomed"))).andExpect(status().isOk());
		mvc.perform(get("/api/archive/packages/{id}/download", id).with(basic("tcm"))).andExpect(status().isNotFound());
		mvc.perform(get("/api/archive/packages/{id}", id).with(basic("tcm"))).andExpect(status().isNotFound());
		org.assertj.core.api.Assertions.assertThat(jdbc.sql("""
				SELECT username FROM identity_access_log WHERE record_type = 'archive-package' AND record_id = ?
				ORDER BY id""").param(id).query(String.class).list()).containsExactly("approver", "biomed");
		mvc.perform(get("/api/archive/packages/{id}", id).with(basic("admin"))).andExpect(status().isOk())
			.andExpect(jsonPath("$.applicantId").value("3101**********1230"));
		mvc.perform(get("/api/archive/packages/{id}/download", id).with(basic("citizen")))
			.andExpect(status().isForbidden());
	}
}
