package org.tongban.licences;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.EnumSet;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.tongban.identity.AccountManagement;
import org.tongban.identity.Role;

/**
 * A licence's personal data in full only for its holder and the item's division (生物医药处 for PD-WJW-XK-023),
 * each staff view logged; the register masked for everyone and limited to their division for approvers; only
 * the item's division acts on a licence; every export is logged.
 */
class SeeingALicencesPersonalDataTests extends LicencesIntegrationTest {

	static final String ITEM = "PD-WJW-XK-023";
	static final String MASKED_ID = "3101**********1230";
	static final String OTHER_APPROVER = "approver-tcm";
	static final String PASSWORD = "Duty-check-2026";

	@Autowired
	AccountManagement accounts;

	@Autowired
	JdbcClient jdbc;

	@BeforeEach
	void anApproverOfAnotherDivision() {
		if (accounts.all().stream().noneMatch(a -> a.username().equals(OTHER_APPROVER))) {
			accounts.create(new AccountManagement.NewAccount(OTHER_APPROVER, "中医科教处 审批人员", PASSWORD,
					EnumSet.of(Role.APPROVER), "TCM", null, null, null));
		}
	}

	@Test
	void theItemsDivisionSeesTheHolderInFullAndTheViewIsLogged() throws Exception {
		Licence l = issue("citizen", ITEM, "NEW");
		mvc.perform(get("/api/licences/" + l.number()).with(basic("approver"))).andExpect(status().isOk())
			.andExpect(jsonPath("$.holderId").value(CITIZEN_ID));
		mvc.perform(get("/licences/" + l.number()).with(basic("approver"))).andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString(CITIZEN_ID)));
		assertThat(views("licence", l.number())).containsExactly("approver|证照详情（接口）", "approver|证照详情");
		// the holder's own views are not logged
		mvc.perform(get("/api/licences/" + l.number()).with(basic("citizen"))).andExpect(jsonPath("$.holderId").value(CITIZEN_ID));
		assertThat(views("licence", l.number())).hasSize(2);
	}

	@Test
	void otherStaffSeeItMaskedAndCannotActOnIt() throws Exception {
		Licence l = issue("citizen", ITEM, "NEW");
		for (RequestPostProcessor who : new RequestPostProcessor[] { basic("clerk"), basic("leader"), other() }) {
			mvc.perform(get("/api/licences/" + l.number()).with(who)).andExpect(status().isOk())
				.andExpect(jsonPath("$.holderId").value(MASKED_ID));
			mvc.perform(get("/api/licences/" + l.number() + "/pdf").with(who)).andExpect(status().isNotFound());
		}
		mvc.perform(get("/licences/" + l.number()).with(basic("clerk"))).andExpect(status().isOk())
			.andExpect(content().string(not(org.hamcrest.Matchers.containsString(CITIZEN_ID))));
		assertThat(views("licence", l.number())).isEmpty();
		mvc.perform(LicenceLifecycleTests.action(l, "suspend", "现场检查不合格").with(other()))
			.andExpect(status().isNotFound());
		assertThat(licences.find(l.number()).orElseThrow().storedStatus()).isEqualTo(LicenceStatus.VALID);
	}

	@Test
	void theRegisterIsMaskedAndScopedToTheApproversDivision() throws Exception {
		Licence l = issue("citizen", ITEM, "NEW");
		mvc.perform(get("/api/licences").param("q", l.number()).with(basic("approver"))).andExpect(status().isOk())
			.andExpect(jsonPath("$.items[0].holderId").value(MASKED_ID))
			.andExpect(content().string(not(org.hamcrest.Matchers.containsString(CITIZEN_ID))));
		mvc.perform(get("/licences").param("q", l.number()).with(basic("leader"))).andExpect(status().isOk())
			.andExpect(content().string(not(org.hamcrest.Matchers.containsString(CITIZEN_ID))));
		mvc.perform(get("/api/licences").param("q", l.number()).with(other())).andExpect(status().isOk())
			.andExpect(jsonPath("$.total").value(0))
			.andExpect(jsonPath("$.items[*].number", not(hasItem(l.number()))));
	}

	@Test
	void anExportOfTheRegisterIsLogged() throws Exception {
		Licence l = issue("citizen", ITEM, "NEW");
		mvc.perform(get("/licences/export.xlsx").param("q", l.number()).with(basic("leader"))).andExpect(status().isOk());
		assertThat(jdbc.sql("""
				SELECT username || '|' || fields FROM identity_access_log WHERE record_type = 'licence-export'
				AND record_id = ?""").param(l.number()).query(String.class).list())
			.containsExactly("leader|证照登记簿 1 条（持证人姓名）");
	}

	private java.util.List<String> views(String type, String id) {
		return jdbc.sql("""
				SELECT username || '|' || purpose FROM identity_access_log WHERE record_type = ? AND record_id = ?
				ORDER BY id""").params(type, id).query(String.class).list();
	}

	private static RequestPostProcessor other() {
		return SecurityMockMvcRequestPostProcessors.httpBasic(OTHER_APPROVER, PASSWORD);
	}
}
