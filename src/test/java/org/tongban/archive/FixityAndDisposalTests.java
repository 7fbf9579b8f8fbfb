package org.tongban.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import org.springframework.beans.factory.annotation.Autowired;

/** The fixity check finds altered packages and removed chain entries; disposal follows the retention period. */
class FixityAndDisposalTests extends ArchiveIntegrationTest {

	@Autowired
	JsonMapper json;

	/** The problems of an ADMIN's fixity check that concern one case. */
	List<JsonNode> problemsFor(String caseId) throws Exception {
		String body = mvc.perform(post("/api/archive/fixity-check").with(basic("admin")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.checked").isNumber())
			.andReturn().getResponse().getContentAsString();
		List<JsonNode> mine = new java.util.ArrayList<>();
		for (JsonNode p : json.readTree(body).get("problems")) {
			if (p.get("message").asString().contains(caseId)) {
				mine.add(p);
			}
		}
		return mine;
	}

	@Test
	void anIntactPackageHasNoProblemAndATamperedOneIsFound() throws Exception {
		MadeCase c = archivedCase();
		assertThat(problemsFor(c.id().toString())).isEmpty();

		Path file = store.pathOf(c.id());
		byte[] bytes = Files.readAllBytes(file);
		bytes[bytes.length / 2] ^= 0x01;
		Files.write(file, bytes);
		List<JsonNode> problems = problemsFor(c.id().toString());
		assertThat(problems).extracting(p -> p.get("kind").asString()).containsExactly("ALTERED_PACKAGE");
		assertThat(problems.get(0).get("message").asString()).contains("已被改动");
		// the run is kept
		assertThat(jdbc.sql("SELECT count(*) FROM archive_fixity_run WHERE problems::text LIKE ?")
			.param("%" + c.id() + "%").query(Long.class).single()).isPositive();

		Files.delete(file);
		assertThat(problemsFor(c.id().toString())).extracting(p -> p.get("kind").asString())
			.containsExactly("MISSING_PACKAGE");
	}

	@Test
	void theChainRefusesChangesAndADeletedEntryIsFoundAnyway() throws Exception {
		MadeCase c = archivedCase();
		assertThatThrownBy(() -> jdbc.sql("DELETE FROM archive_chain_entry WHERE case_id = ?").param(c.id().value())
			.update()).hasMessageContaining("只能追加");
		assertThatThrownBy(() -> jdbc.sql("UPDATE archive_chain_entry SET reason = 'x' WHERE case_id = ?")
			.param(c.id().value()).update()).hasMessageContaining("只能追加");
		assertThatThrownBy(() -> jdbc.sql("TRUNCATE archive_chain_entry").update()).hasMessageContaining("只能追加");
		long seq = jdbc.sql("SELECT seq FROM archive_chain_entry WHERE case_id = ?").param(c.id().value())
			.query(Long.class).single();
		// a later entry, so the deleted one sits inside the chain
		archivedCase();

		// as a superuser could: switch the trigger off, delete, switch it on again
		jdbc.sql("ALTER TABLE archive_chain_entry DISABLE TRIGGER ALL").update();
		try {
			jdbc.sql("DELETE FROM archive_chain_entry WHERE case_id = ?").param(c.id().value()).update();
		}
		finally {
			jdbc.sql("ALTER TABLE archive_chain_entry ENABLE TRIGGER ALL").update();
		}
		String body = mvc.perform(post("/api/archive/fixity-check").with(basic("admin")))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		JsonNode problems = json.readTree(body).get("problems");
		List<String> messages = new java.util.ArrayList<>();
		problems.forEach(p -> messages.add(p.get("message").asString()));
		assertThat(messages).anyMatch(m -> m.contains("第 " + seq + " 条缺失"));
		assertThat(messages).anyMatch(m -> m.contains(c.id().toString()) && m.contains("没有登记在哈希链上"));
		assertThat(messages).anyMatch(m -> m.contains("第 " + (seq + 1) + " 条") && m.contains("链条断裂"));
	}

	@Test
	void onlyAnAdminChecksFixity() throws Exception {
		mvc.perform(post("/api/archive/fixity-check").with(basic("approver"))).andExpect(status().isForbidden());
		mvc.perform(post("/api/archive/fixity-check").with(basic("citizen"))).andExpect(status().isForbidden());
	}

	@Test
	void disposalWaitsForTheRetentionPeriodAndIsRecordedOnTheChain() throws Exception {
		MadeCase c = archivedCase();
		String id = packageId(c.id()).toString();
		String reason = "{\"reason\": \"保管期满，经鉴定小组鉴定无继续保存价值（鉴字〔2056〕3号）\"}";
		mvc.perform(post("/api/archive/packages/{id}/disposal", id).contentType(MediaType.APPLICATION_JSON)
				.content(reason).with(basic("approver")))
			.andExpect(status().isForbidden());
		mvc.perform(post("/api/archive/packages/{id}/disposal", id).contentType(MediaType.APPLICATION_JSON)
				.content(reason).with(basic("admin")))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail").value(containsString("期满之前不能销毁")));
		assertThat(packageStatus(c.id())).isEqualTo("ARCHIVED");
		assertThat(chainEntries(c.id(), "DISPOSAL")).isZero();

		// thirty years later
		jdbc.sql("UPDATE archive_package SET retain_until = ? WHERE case_id = ?").params(clock.today().minusDays(1), c.id().value())
			.update();
		mvc.perform(post("/api/archive/packages/{id}/disposal", id).contentType(MediaType.APPLICATION_JSON)
				.content("{\"reason\": \"  \"}").with(basic("admin")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("reason"));
		mvc.perform(post("/api/archive/packages/{id}/disposal", id).contentType(MediaType.APPLICATION_JSON)
				.content(reason).with(basic("admin")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("DISPOSED"))
			.andExpect(jsonPath("$.disposedBy").value("admin"));
		assertThat(Files.exists(store.pathOf(c.id()))).isFalse();
		assertThat(jdbc.sql("SELECT actor || ' ' || reason FROM archive_chain_entry WHERE case_id = ? AND kind = 'DISPOSAL'")
			.param(c.id().value()).query(String.class).single()).startsWith("admin 保管期满");
		// disposed, not missing
		assertThat(problemsFor(c.id().toString())).isEmpty();
		// once only
		mvc.perform(post("/api/archive/packages/{id}/disposal", id).contentType(MediaType.APPLICATION_JSON)
				.content(reason).with(basic("admin")))
			.andExpect(status().isConflict());
	}
}
