package org.tongban.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.EnumSet;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

@SpringBootTest
@AutoConfigureMockMvc
class AuditLogTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountManagement accounts;

	@Autowired
	AuditLog auditLog;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	org.tongban.shared.AuditTrail trail;

	@Autowired
	org.springframework.transaction.support.TransactionTemplate transactions;

	@Test
	void anEntryCommitsWithItsChangeOrNotAtAll() {
		String kept = "kept-" + UUID.randomUUID();
		String undone = "undone-" + UUID.randomUUID();
		transactions.executeWithoutResult(tx -> trail.recordAs("tester", "TEST_KEPT", "test", kept, java.util.Map.of(),
				java.util.Map.of("n", 1)));
		assertThatThrownBy(() -> transactions.executeWithoutResult(tx -> {
			trail.recordAs("tester", "TEST_UNDONE", "test", undone, java.util.Map.of(), java.util.Map.of("n", 1));
			throw new IllegalStateException("the change fails after it was recorded");
		})).isInstanceOf(IllegalStateException.class);
		// written in the transaction: there at once when it committed, never when it rolled back
		assertThat(auditLog.search(null, null, "test", kept, null, null, 0, 10).entries()).hasSize(1);
		assertThat(auditLog.search(null, null, "test", undone, null, null, 0, 10).entries()).isEmpty();
	}

	@Test
	void aChangeOfStateIsLoggedWithWhoWhatAndBeforeAfterButNeverThePasswordHash() throws Exception {
		String username = "a" + UUID.randomUUID().toString().substring(0, 8);
		accounts.create(new AccountManagement.NewAccount(username, "审计测试", "correct-horse-1",
				EnumSet.of(Role.INSPECTOR), "SUPERVISION_INSTITUTE", null, null, null));
		accounts.setEnabled(username, false);

		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
				auditLog.search(null, null, "account", username, null, null, 0, 10).entries()).hasSize(2));
		AuditLog.Entry disabled = auditLog.search(null, "ACCOUNT_DISABLED", "account", username, null, null, 0, 10)
				.entries().get(0);
		assertThat(disabled.before()).contains("\"enabled\": true");
		assertThat(disabled.after()).contains("\"enabled\": false");

		mvc.perform(get("/api/audit").param("subjectId", username).with(httpBasic("admin", "tongban-demo")))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.total").value(2))
				.andExpect(jsonPath("$.entries[0].action").value("ACCOUNT_DISABLED"));
		String all = mvc.perform(get("/api/audit").param("size", "500").with(httpBasic("admin", "tongban-demo")))
				.andReturn().getResponse().getContentAsString();
		assertThat(all).doesNotContain("bcrypt").doesNotContain("$2a$");
	}

	@Test
	void theDemoAccountsCreatedAtStartUpAreInTheLog() {
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
				auditLog.search("system", "ACCOUNT_CREATED", "account", "planning", null, null, 0, 10).entries()).hasSize(1));
	}

	@Test
	void theDatabaseRefusesToRewriteOrDeleteHistory() {
		jdbc.sql("INSERT INTO identity_audit_entry (occurred_at, actor, action, subject_type) VALUES (now(), 'test', 'PROBE', 'probe')")
				.update();
		assertThatThrownBy(() -> jdbc.sql("UPDATE identity_audit_entry SET actor = 'mallory'").update())
				.hasMessageContaining("append-only");
		assertThatThrownBy(() -> jdbc.sql("DELETE FROM identity_audit_entry").update())
				.hasMessageContaining("append-only");
		assertThatThrownBy(() -> jdbc.sql("TRUNCATE identity_audit_entry").update())
				.hasMessageContaining("append-only");
	}

	@Test
	void noApiEditsOrDeletesAnEntryAndOnlyAdminsReadIt() throws Exception {
		mvc.perform(delete("/api/audit").with(httpBasic("admin", "tongban-demo"))).andExpect(status().isMethodNotAllowed());
		mvc.perform(put("/api/audit").with(httpBasic("admin", "tongban-demo"))).andExpect(status().isMethodNotAllowed());
		mvc.perform(get("/api/audit").with(httpBasic("leader", "tongban-demo"))).andExpect(status().isForbidden());
		mvc.perform(get("/api/audit").with(httpBasic("citizen", "tongban-demo")))
				.andExpect(status().isForbidden()).andExpect(jsonPath("$.title").value("无权操作"));
		mvc.perform(get("/api/audit")).andExpect(status().isUnauthorized());
		mvc.perform(get("/api/audit").param("size", "100000").with(httpBasic("admin", "tongban-demo")))
				.andExpect(status().isBadRequest());
	}
}
