package org.tongban.benefits;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.LocalDate;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;

/**
 * Full runs, offers and what residents do with them: idempotent runs, a rule change that re-notifies nobody, one
 * full run at a time, opt-out, dry runs that write nothing, booking and declining, and who may do which.
 */
class DeliveringOffersTests extends BenefitsIntegrationTest {

	@Autowired
	DataSource dataSource;

	private long count(String table) {
		return jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
	}

	@Test
	void aSecondFullRunCreatesAndNotifiesNothing() throws Exception {
		String id = person(LocalDate.of(1955, 1, 1), false, true, "周浦镇");
		String user = account(id);
		JsonNode first = send(basic("primary"), "/api/benefits/runs", "", 200);
		assertThat(first.get("matched").asLong()).isPositive();
		assertThat(first.get("notified").asLong()).isGreaterThanOrEqualTo(2);
		assertThat(messagesTo(user)).as("health check and family doctor").isEqualTo(2);
		long entitlements = count("benefits_entitlement");
		// offers' ids are version 7 UUIDs (time first, so a run's new ids append to the primary key's index)
		assertThat(jdbc.sql("SELECT id FROM benefits_entitlement WHERE id_number = ?").param(id)
			.query((rs, i) -> rs.getObject(1, java.util.UUID.class)).list())
			.hasSize(2).allSatisfy(u -> assertThat(u.version() * 10 + u.variant()).isEqualTo(72));

		JsonNode second = send(basic("publichealth"), "/api/benefits/runs", "", 200);
		assertThat(second.get("matched").asLong()).isEqualTo(first.get("matched").asLong());
		assertThat(second.get("created").asLong()).isZero();
		assertThat(second.get("notified").asLong()).isZero();
		assertThat(count("benefits_entitlement")).isEqualTo(entitlements);
		assertThat(messagesTo(user)).isEqualTo(2);
		assertThat(second.get("id").asString()).isNotEqualTo(first.get("id").asString());
		assertThat(second.has("seconds")).isTrue();
	}

	@Test
	void aRuleChangeDoesNotNotifyAgainThoseAlreadyNotified() throws Exception {
		String old = person(LocalDate.of(1950, 2, 2), true, true, "北蔡镇");
		String oldUser = account(old);
		String younger = person(LocalDate.of(1962, 1, 1), true, true, "北蔡镇");
		String youngerUser = account(younger);
		contract(old, LocalDate.of(2020, 1, 1));
		contract(younger, LocalDate.of(2020, 1, 1));
		matcher.rematch(List.of(old, younger));
		assertThat(messagesTo(oldUser)).isEqualTo(1);
		assertThat(messagesTo(youngerUser)).isZero();
		String current = programmes.current("ELDERLY_HEALTH_CHECK").clauses().get(0).expression();
		try {
			send(basic("primary"), "/api/benefits/programmes/ELDERLY_HEALTH_CHECK/rule", """
					{"effectiveFrom": "2026-06-15", "clauses": [
					  {"id": "aged-64", "label": "年满 64 周岁（试行）", "expression": "age >= 64", "basis": "测试：试行放宽年龄"},
					  {"id": "resident", "label": "在浦东居住", "expression": "street != \\"\\"", "basis": "测试"},
					  {"id": "yearly", "label": "今年尚未体检", "expression": "!health_check_this_year", "basis": "测试"}]}""", 201);
			JsonNode run = send(basic("primary"), "/api/benefits/runs", "", 200);
			assertThat(run.get("created").asLong()).isPositive();
			assertThat(messagesTo(oldUser)).as("already notified: not again").isEqualTo(1);
			assertThat(messagesTo(youngerUser)).as("newly eligible under the new version").isEqualTo(1);
			assertThat(jdbc.sql("SELECT rule_version FROM benefits_entitlement WHERE id_number = ? AND programme_code = 'ELDERLY_HEALTH_CHECK'")
				.param(old).query(Integer.class).single()).isLessThan(programmes.current("ELDERLY_HEALTH_CHECK").version());
		}
		finally {
			send(basic("primary"), "/api/benefits/programmes/ELDERLY_HEALTH_CHECK/rule", """
					{"effectiveFrom": "2026-06-15", "clauses": %s}""".formatted(json.writeValueAsString(
					programmes.versions("ELDERLY_HEALTH_CHECK").get(0).clauses())), 201);
			assertThat(programmes.current("ELDERLY_HEALTH_CHECK").clauses().get(0).expression()).isEqualTo(current);
		}
	}

	@Test
	void aRuleThatDoesNotParseIsRefusedAtSaveWithItsPosition() throws Exception {
		int versions = programmes.versions("FAMILY_DOCTOR").size();
		JsonNode problem = send(basic("primary"), "/api/benefits/programmes/FAMILY_DOCTOR/rule", """
				{"effectiveFrom": "2026-07-01", "clauses": [
				  {"id": "a", "label": "居住", "expression": "street != \\"\\" &&", "basis": "测试"},
				  {"id": "b", "label": "年龄", "expression": "agee >= 65", "basis": "测试"}]}""", 400);
		assertThat(problem.get("type").asString()).endsWith("validation");
		assertThat(problem.toString()).contains("clauses[0].expression").contains("第 1 行第")
			.contains("clauses[1].expression").contains("未知的字段 'agee'");
		assertThat(programmes.versions("FAMILY_DOCTOR")).hasSize(versions);
	}

	/**
	 * A full run matches each programme in a transaction of its own, two at once, all in one snapshot: together they
	 * match exactly whom the rules select, and make each an offer once.
	 */
	@Test
	void theFullRunsProgrammesTogetherOfferToEveryoneTheRulesSelect() {
		java.util.Map<String, java.util.Set<String>> selected = fullRun.selected();
		long before = count("benefits_entitlement");
		FullRun.RunResult run = fullRun.run("test");
		assertThat(run.matched()).isEqualTo(selected.values().stream().mapToLong(java.util.Set::size).sum());
		assertThat(count("benefits_entitlement") - before).isEqualTo(run.created());
		selected.forEach((programme, people) -> assertThat(jdbc.sql(
				"SELECT id_number FROM benefits_entitlement WHERE programme_code = ? AND cycle = ?")
			.params(programme, clock.today().getYear()).query(String.class).set()).as(programme).containsAll(people));
	}

	/**
	 * A crash in the middle of a full run: one programme's transaction fails (here a trigger refuses its offers, as
	 * a full disk would). The other programmes' offers stay, whole; the run fails rather than reporting success; the
	 * failed programme has made nothing, and the next run makes its offers.
	 */
	@Test
	void aProgrammeThatFailsInAFullRunLeavesTheOthersOffersAndTheNextRunMakesItsOwn() {
		String id = person(LocalDate.of(1950, 3, 3), false, true, "高桥镇");
		jdbc.sql("""
				CREATE FUNCTION benefits_test_refuse() RETURNS trigger LANGUAGE plpgsql AS
				$$ BEGIN RAISE EXCEPTION '测试：磁盘已满'; END $$""").update();
		try {
			jdbc.sql("""
					CREATE TRIGGER benefits_test_refuse BEFORE INSERT ON benefits_entitlement FOR EACH ROW
					WHEN (NEW.programme_code = 'ELDERLY_HEALTH_CHECK') EXECUTE FUNCTION benefits_test_refuse()""").update();
			org.assertj.core.api.Assertions.assertThatThrownBy(() -> fullRun.run("test")).hasMessageContaining("测试：磁盘已满");
			assertThat(offers(id, "FAMILY_DOCTOR")).isEqualTo(1);
			assertThat(offers(id, "ELDERLY_HEALTH_CHECK")).isZero();
		}
		finally {
			jdbc.sql("DROP TRIGGER IF EXISTS benefits_test_refuse ON benefits_entitlement").update();
			jdbc.sql("DROP FUNCTION benefits_test_refuse()").update();
		}
		FullRun.RunResult next = fullRun.run("test");
		assertThat(next.created()).isPositive();
		assertThat(offers(id, "ELDERLY_HEALTH_CHECK")).isEqualTo(1);
		assertThat(offers(id, "FAMILY_DOCTOR")).isEqualTo(1);
	}

	private long offers(String id, String programme) {
		return jdbc.sql("SELECT count(*) FROM benefits_entitlement WHERE id_number = ? AND programme_code = ?")
			.params(id, programme).query(Long.class).single();
	}

	@Test
	void twoFullRunsAtOnce_theSecondIsRefused() throws Exception {
		try (Connection other = dataSource.getConnection()) {
			try (PreparedStatement lock = other.prepareStatement("SELECT pg_advisory_lock(?)")) {
				lock.setLong(1, FullRun.RUN_LOCK);
				lock.execute();
			}
			long runs = count("benefits_run");
			JsonNode refused = send(basic("primary"), "/api/benefits/runs", "", 409);
			assertThat(refused.get("detail").asString()).contains("正在进行");
			assertThat(count("benefits_run")).isEqualTo(runs);
			try (PreparedStatement unlock = other.prepareStatement("SELECT pg_advisory_unlock(?)")) {
				unlock.setLong(1, FullRun.RUN_LOCK);
				unlock.execute();
			}
		}
		send(basic("primary"), "/api/benefits/runs", "", 200);
	}

	@Test
	void anOptOutIsRespectedByTheMatcherAndAudited() throws Exception {
		String id = person(LocalDate.of(1948, 8, 8), true, true, "高桥镇");
		String user = account(id);
		JsonNode out = send(resident(user), "/api/benefits/mine/opt-out", "{\"programme\": \"ELDERLY_HEALTH_CHECK\"}", 200);
		assertThat(out.get("programme").asString()).isEqualTo("ELDERLY_HEALTH_CHECK");
		matcher.rematch(List.of(id));
		List<String> offered = jdbc.sql("SELECT programme_code FROM benefits_entitlement WHERE id_number = ?").param(id)
			.query(String.class).list();
		assertThat(offered).containsExactly("FAMILY_DOCTOR");
		JsonNode e = read(basic("primary"), "/api/benefits/people/" + id + "/explanation?programme=ELDERLY_HEALTH_CHECK", 200);
		assertThat(e.get("rulesHold").asBoolean()).isTrue();
		assertThat(e.get("optedOut").asBoolean()).isTrue();
		assertThat(e.get("eligible").asBoolean()).isFalse();
		assertThat(jdbc.sql("SELECT count(*) FROM identity_audit_entry WHERE action = 'BENEFITS_OPTED_OUT' AND actor = ?")
			.param(user).query(Long.class).single()).isEqualTo(1);

		send(resident(user), "/api/benefits/mine/opt-out", "{}", 200);
		String other = person(LocalDate.of(1948, 8, 9), true, true, "高桥镇");
		matcher.rematch(List.of(id, other));
		assertThat(jdbc.sql("SELECT count(*) FROM benefits_entitlement WHERE id_number = ?").param(id).query(Long.class).single())
			.as("opted out of all: nothing new").isEqualTo(1);
		assertThat(jdbc.sql("SELECT count(*) FROM benefits_entitlement WHERE id_number = ?").param(other).query(Long.class).single())
			.isEqualTo(2);
		send(resident(user), "/api/benefits/mine/opt-out", "{\"programme\": \"NO_SUCH\"}", 400);
	}

	@Test
	void aDryRunShowsWhoWouldGainOrLoseAndWritesNothing() throws Exception {
		String[] tables = {"benefits_entitlement", "benefits_rule", "benefits_run", "notification_message", "identity_audit_entry"};
		long[] before = new long[tables.length];
		for (int i = 0; i < tables.length; i++) {
			before[i] = count(tables[i]);
		}
		JsonNode wider = send(basic("primary"), "/api/benefits/programmes/ELDERLY_HEALTH_CHECK/dry-run", """
				{"clauses": [{"id": "aged-64", "label": "64 岁", "expression": "age >= 64", "basis": "试算"},
				             {"id": "resident", "label": "居住", "expression": "street != \\"\\"", "basis": "试算"},
				             {"id": "yearly", "label": "今年未检", "expression": "!health_check_this_year", "basis": "试算"}]}""", 200);
		assertThat(wider.get("gained").asLong()).isPositive();
		assertThat(wider.get("lost").asLong()).isZero();
		for (JsonNode row : wider.get("rows")) {
			if (row.get("gained").asLong() > 0) {
				assertThat(row.get("ageBand").asString()).isEqualTo("50–64");
			}
		}
		JsonNode narrower = send(basic("primary"), "/api/benefits/programmes/ELDERLY_HEALTH_CHECK/dry-run", """
				{"clauses": [{"id": "aged-65", "label": "65 岁", "expression": "age >= 65", "basis": "试算"},
				             {"id": "pilot", "label": "试点街镇", "expression": "street in [\\"陆家嘴街道\\", \\"花木街道\\"]", "basis": "试算"},
				             {"id": "yearly", "label": "今年未检", "expression": "!health_check_this_year", "basis": "试算"}]}""", 200);
		assertThat(narrower.get("lost").asLong()).isPositive();
		assertThat(narrower.get("gained").asLong()).isZero();
		for (JsonNode row : narrower.get("rows")) {
			if (row.get("eligible").asLong() > 0) {
				assertThat(row.get("street").asString()).isIn("陆家嘴街道", "花木街道");
			}
		}
		send(basic("primary"), "/api/benefits/programmes/ELDERLY_HEALTH_CHECK/dry-run",
				"{\"clauses\": [{\"id\": \"x\", \"label\": \"x\", \"expression\": \"age >=\", \"basis\": \"x\"}]}", 400);
		for (int i = 0; i < tables.length; i++) {
			assertThat(count(tables[i])).as(tables[i]).isEqualTo(before[i]);
		}
	}

	@Test
	void aResidentSeesTheirOffersBooksOneAndDeclinesAnother() throws Exception {
		String id = person(LocalDate.of(1966, 3, 3), true, true, "花木街道");
		status(id, "RETIRED", LocalDate.of(2021, 3, 3), null);
		status(id, "HARDSHIP", LocalDate.of(2025, 1, 1), null);
		String user = account(id);
		matcher.rematch(List.of(id));
		JsonNode mine = read(resident(user), "/api/benefits/mine", 200);
		assertThat(mine.get("items")).hasSize(2);
		JsonNode screening = offer(mine, "TWO_CANCER_SCREENING");
		assertThat(screening.get("status").asString()).isEqualTo("NOTIFIED");
		String slot = screening.get("slots").get(0).asString();
		assertThat(LocalDate.parse(slot)).isAfter(clock.today());
		String sid = screening.get("id").asString();

		// another resident, staff and a wrong choice are refused
		send(basic("citizen"), "/api/benefits/mine/" + sid + "/book", "{\"institution\": \"区妇幼保健所\", \"date\": \"" + slot + "\"}", 404);
		send(basic("primary"), "/api/benefits/mine/" + sid + "/book", "{}", 403);
		JsonNode bad = send(resident(user), "/api/benefits/mine/" + sid + "/book", "{\"institution\": \"某私立医院\", \"date\": \"2030-01-01\"}", 400);
		assertThat(bad.toString()).contains("institution").contains("date");

		JsonNode booked = send(resident(user), "/api/benefits/mine/" + sid + "/book",
				"{\"institution\": \"区妇幼保健所\", \"date\": \"" + slot + "\"}", 200);
		assertThat(booked.get("status").asString()).isEqualTo("BOOKED");
		assertThat(booked.get("bookedInstitution").asString()).isEqualTo("区妇幼保健所");
		send(resident(user), "/api/benefits/mine/" + sid + "/book", "{\"institution\": \"区妇幼保健所\", \"date\": \"" + slot + "\"}", 409);

		String did = offer(mine, "FAMILY_DOCTOR").get("id").asString();
		assertThat(send(resident(user), "/api/benefits/mine/" + did + "/decline", "", 200).get("status").asString())
			.isEqualTo("DECLINED");
		matcher.rematch(List.of(id));
		assertThat(read(resident(user), "/api/benefits/mine", 200).get("items")).as("declined this year: not offered again")
			.hasSize(2);
		assertThat(messagesTo(user)).isEqualTo(2);
	}

	private static JsonNode offer(JsonNode mine, String programme) {
		for (JsonNode o : mine.get("items")) {
			if (o.get("programme").asString().equals(programme)) {
				return o;
			}
		}
		throw new AssertionError("no offer of " + programme);
	}

	@Test
	void whoMayDoWhat() throws Exception {
		assertThat(mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/api/benefits/programmes"))
			.andReturn().getResponse().getContentAsString()).contains("TWO_CANCER_SCREENING").contains("ruleVersion");
		JsonNode rule = json.readTree(mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
			.get("/api/benefits/programmes/TWO_CANCER_SCREENING/rule")).andReturn().getResponse().getContentAsString());
		assertThat(rule.get("clauses").get(0).get("basis").asString()).contains("国卫办妇幼函");
		// runs: staff of a division that owns a programme; others refused
		send(basic("biomed"), "/api/benefits/runs", "", 403);
		send(basic("citizen"), "/api/benefits/runs", "", 403);
		send(basic("leader"), "/api/benefits/runs", "", 403);
		mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/api/benefits/runs"))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isUnauthorized());
		// a programme outside one's duty answers 404
		send(basic("primary"), "/api/benefits/programmes/TWO_CANCER_SCREENING/dry-run", "{\"clauses\": []}", 404);
		send(basic("family"), "/api/benefits/programmes/ELDERLY_HEALTH_CHECK/rule", "{}", 404);
		send(basic("publichealth"), "/api/benefits/programmes/TWO_CANCER_SCREENING/dry-run", "{\"clauses\": []}", 400);
		read(basic("citizen"), "/api/benefits/mine", 200);
		read(basic("enterprise"), "/api/benefits/mine", 403);
		read(basic("primary"), "/api/benefits/mine", 403);
	}
}
