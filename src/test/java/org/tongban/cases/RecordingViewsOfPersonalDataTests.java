package org.tongban.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;

import org.junit.jupiter.api.Test;

/**
 * Lists show personal data masked; a case's page shows it in full to staff whose duty covers it, and each such
 * view is a row of the append-only access log, which administrators search and nobody else reads.
 */
class RecordingViewsOfPersonalDataTests extends HandlingTest {

	static final String MASKED_ID = "3101**********1230";

	@Test
	void theWorklistShowsTheIdNumberMaskedAndTheCasePageInFull() throws Exception {
		String id = submitted(ReadingWithinDutyTests.BIOMED_ITEM, "NEW", false);
		mvc.perform(get("/api/worklist").with(basic("clerk"))).andExpect(status().isOk())
				.andExpect(jsonPath("$.tasks[?(@.id == '" + id + "')].applicantId", hasItem(MASKED_ID)))
				.andExpect(content().string(not(org.hamcrest.Matchers.containsString(CITIZEN_ID))));
		mvc.perform(get("/work").with(basic("clerk"))).andExpect(status().isOk())
				.andExpect(content().string(org.hamcrest.Matchers.containsString(MASKED_ID)))
				.andExpect(content().string(not(org.hamcrest.Matchers.containsString(CITIZEN_ID))));
		mvc.perform(get("/work/cases/{id}", id).with(basic("clerk"))).andExpect(status().isOk())
				.andExpect(content().string(org.hamcrest.Matchers.containsString(CITIZEN_ID)));
	}

	@Test
	void aStaffViewOfACaseIsLoggedAndTheApplicantsOwnIsNot() throws Exception {
		String id = submitted(ReadingWithinDutyTests.BIOMED_ITEM, "NEW", false);
		assertThat(views(id)).isZero();
		read("citizen", id).andExpect(status().isOk());
		assertThat(views(id)).isZero();
		read("clerk", id).andExpect(status().isOk());
		assertThat(jdbc.sql("""
				SELECT username || '|' || fields || '|' || purpose FROM identity_access_log
				WHERE record_type = 'case' AND record_id = ?""").param(id).query(String.class).list())
				.containsExactly("clerk|申请人姓名、公民身份号码、联系电话|办件详情（接口）");
		// a refused read (outside the duty) shows nothing and logs nothing
		read("admin", id).andExpect(status().isNotFound());
		assertThat(views(id)).isEqualTo(1);
	}

	@Test
	void theAccessLogCannotBeChangedOrDeleted() throws Exception {
		String id = submitted(ReadingWithinDutyTests.BIOMED_ITEM, "NEW", false);
		read("clerk", id).andExpect(status().isOk());
		assertThatThrownBy(() -> jdbc.sql("UPDATE identity_access_log SET username = 'nobody' WHERE record_id = ?")
				.param(id).update()).hasMessageContaining("只能追加");
		assertThatThrownBy(() -> jdbc.sql("DELETE FROM identity_access_log WHERE record_id = ?").param(id).update())
				.hasMessageContaining("只能追加");
		assertThat(views(id)).isEqualTo(1);
	}

	@Test
	void administratorsSearchTheAccessLogAndNobodyElse() throws Exception {
		String id = submitted(ReadingWithinDutyTests.BIOMED_ITEM, "NEW", false);
		read("clerk", id).andExpect(status().isOk());
		mvc.perform(get("/api/access-log").param("username", "clerk").param("recordType", "case").param("recordId", id)
				.param("from", clock.today().toString()).param("to", clock.today().toString()).with(basic("admin")))
				.andExpect(status().isOk()).andExpect(jsonPath("$.total").value(1))
				.andExpect(jsonPath("$.entries[0].username").value("clerk"))
				.andExpect(jsonPath("$.entries[0].recordId").value(id));
		mvc.perform(get("/api/access-log").param("recordId", id).param("from", clock.today().plusDays(1).toString())
				.with(basic("admin"))).andExpect(jsonPath("$.total").value(0));
		mvc.perform(get("/api/access-log").param("size", "0").with(basic("admin"))).andExpect(status().isBadRequest());
		mvc.perform(get("/admin/access-log").param("recordId", id).with(basic("admin"))).andExpect(status().isOk())
				.andExpect(content().string(org.hamcrest.Matchers.containsString("办件详情（接口）")));
		for (String user : new String[] { "clerk", "leader", "approver", "citizen" }) {
			mvc.perform(get("/api/access-log").with(basic(user))).andExpect(status().isForbidden());
		}
		mvc.perform(get("/api/access-log")).andExpect(status().isUnauthorized());
	}

	@Test
	void downloadingAnotherPersonsMaterialIsLogged() throws Exception {
		String id = submitted(ReadingWithinDutyTests.BIOMED_ITEM, "NEW", false);
		String json = read("citizen", id).andReturn().getResponse().getContentAsString();
		String material = json.replaceAll("(?s).*\"materials\":\\[\\{\"id\":\"([0-9a-f-]+)\".*", "$1");
		mvc.perform(get("/cases/{id}/materials/{m}", id, UUID.fromString(material)).with(basic("clerk")))
				.andExpect(status().isOk());
		assertThat(jdbc.sql("SELECT purpose FROM identity_access_log WHERE record_id = ?").param(id)
				.query(String.class).list()).containsExactly("下载申请材料");
	}

	private long views(String id) {
		return jdbc.sql("SELECT count(*) FROM identity_access_log WHERE record_type = 'case' AND record_id = ?")
				.param(id).query(Long.class).single();
	}
}
