package org.tongban.benefits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/**
 * Tasks 37–40 of the plan are the four programmes: after a full run the cockpit shows, per programme, how many people
 * were told of a service they never applied for and how many were served, counted from the entitlements themselves.
 */
class FeedingTheCockpitTests extends BenefitsIntegrationTest {

	@Test
	void aFullRunReportsEachProgrammesFiguresToItsTask() throws Exception {
		account(person(LocalDate.of(1954, 3, 3), false, true, "川沙新镇"));
		// the suite's clocks jump between dates and the cockpit keeps the newest figure; production's clock only moves
		// forward: start from no benefits figures so this run's are the newest
		jdbc.sql("DELETE FROM reform_task_indicator WHERE key LIKE 'benefits.%'").update();
		send(basic("primary"), "/api/benefits/runs", "", 200);
		int year = LocalDate.now(clock).getYear();
		long reached = jdbc.sql("""
				SELECT count(*) FROM benefits_entitlement WHERE programme_code = 'ELDERLY_HEALTH_CHECK' AND cycle = ?
				AND status IN ('NOTIFIED', 'BOOKED', 'SERVED', 'DECLINED')""").param(year).query(Long.class).single();
		assertThat(reached).isPositive();

		await().atMost(Duration.ofSeconds(10)).until(() -> value(38, "benefits.ELDERLY_HEALTH_CHECK.reached") == reached);
		JsonNode elderly = indicator(38, "benefits.ELDERLY_HEALTH_CHECK.reached");
		assertThat(elderly.get("unit").asString()).isEqualTo("人");
		assertThat(elderly.get("basis").asString()).contains(year + " 年度", "已告知 " + reached + " 人");
		assertThat(indicator(38, "benefits.ELDERLY_HEALTH_CHECK.served")).isNotNull();
		assertThat(indicator(37, "benefits.TWO_CANCER_SCREENING.reached")).isNotNull();
		assertThat(indicator(39, "benefits.PRE_PREGNANCY_CHECK.reached")).isNotNull();
		assertThat(indicator(40, "benefits.FAMILY_DOCTOR.reached")).isNotNull();
		assertThat(indicator(38, "benefits.FAMILY_DOCTOR.reached")).as("each programme only on its own task").isNull();
	}

	private long value(int task, String key) throws Exception {
		JsonNode i = indicator(task, key);
		return i == null || i.get("value").isNull() ? -1 : i.get("value").asLong();
	}

	private JsonNode indicator(int task, String key) throws Exception {
		for (JsonNode i : read(basic("leader"), "/api/reform/tasks/" + task, 200).get("indicators")) {
			if (i.get("key").asString().equals(key)) {
				return i;
			}
		}
		return null;
	}
}
