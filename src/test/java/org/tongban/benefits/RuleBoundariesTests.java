package org.tongban.benefits;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/**
 * Each programme's rule at its edges, by both evaluators (every check here also asserts that the SQL translation
 * and the CEL runtime agree). The suite's clock stands on 15 June 2026.
 */
class RuleBoundariesTests extends BenefitsIntegrationTest {

	/** 《国家基本公共卫生服务规范（第三版）》老年人健康管理：65 岁及以上常住居民，每年 1 次. */
	@Test
	void someoneTurning65QualifiesForTheHealthCheckOnTheirBirthday() {
		String id = person(LocalDate.of(1961, 6, 16), false, true, "花木街道");
		assertThat(eligible("ELDERLY_HEALTH_CHECK", id)).as("64 on the day before").isFalse();
		assertThat(matcher.rematch(List.of(id))[1]).isZero();

		clock.travelTo(LocalDate.of(2026, 6, 16));
		assertThat(eligible("ELDERLY_HEALTH_CHECK", id)).as("65 on the birthday").isTrue();
		assertThat(matcher.rematch(List.of(id))[1]).as("the day's run creates the offer").isGreaterThanOrEqualTo(1);
		assertThat(jdbc.sql("SELECT status FROM benefits_entitlement WHERE id_number = ? AND programme_code = 'ELDERLY_HEALTH_CHECK'")
			.param(id).query(String.class).single()).isEqualTo("PENDING");
	}

	@Test
	void aHealthCheckThisYearWaitsForNextYear() {
		String id = person(LocalDate.of(1950, 3, 1), true, false, "张江镇");
		service(id, "HEALTH_CHECK", LocalDate.of(2026, 1, 2));
		assertThat(eligible("ELDERLY_HEALTH_CHECK", id)).isFalse();
		clock.travelTo(LocalDate.of(2027, 1, 1));
		assertThat(eligible("ELDERLY_HEALTH_CHECK", id)).as("a new year, a new check").isTrue();
	}

	/** 两病筛查每两年一次: screened 729 days ago is still within the interval; 730 days ago it has run out. */
	@Test
	void theLastDayOfTheScreeningIntervalStillCounts() {
		String id = person(LocalDate.of(1976, 2, 10), true, true, "陆家嘴街道");
		status(id, "RETIRED", LocalDate.of(2026, 2, 10), null);
		LocalDate screened = clock.today().minusDays(729);
		service(id, "TWO_CANCER_SCREENING", screened);
		assertThat(eligible("TWO_CANCER_SCREENING", id)).as("the last day of the interval").isFalse();

		clock.travelTo(clock.today().plusDays(1));
		assertThat(eligible("TWO_CANCER_SCREENING", id)).as("the day after").isTrue();
	}

	@Test
	void movingOutOfACoveredStreetEndsEligibilityAndMovingBackRestoresIt() {
		String id = person(LocalDate.of(1970, 5, 5), true, true, "陆家嘴街道");
		status(id, "RETIRED", LocalDate.of(2020, 5, 5), null);
		assertThat(eligible("TWO_CANCER_SCREENING", id)).isTrue();
		move(id, null);
		assertThat(eligible("TWO_CANCER_SCREENING", id)).as("lives outside Pudong: no covered street").isFalse();
		move(id, "南汇新城镇");
		assertThat(eligible("TWO_CANCER_SCREENING", id)).isTrue();
	}

	@Test
	void hardshipQualifiesWithoutLocalHouseholdOnlyWhileItLasts() {
		String id = person(LocalDate.of(1980, 8, 8), true, false, "三林镇");
		assertThat(eligible("TWO_CANCER_SCREENING", id)).isFalse();
		status(id, "HARDSHIP", LocalDate.of(2025, 1, 1), LocalDate.of(2026, 6, 15));
		assertThat(eligible("TWO_CANCER_SCREENING", id)).as("on the last day of relief").isTrue();
		clock.travelTo(LocalDate.of(2026, 6, 16));
		assertThat(eligible("TWO_CANCER_SCREENING", id)).isFalse();
	}

	@Test
	void aRetiredWomanWithoutLocalHouseholdDoesNotQualify() {
		String id = person(LocalDate.of(1970, 1, 1), true, false, "花木街道");
		status(id, "RETIRED", LocalDate.of(2020, 1, 1), null);
		assertThat(eligible("TWO_CANCER_SCREENING", id)).isFalse();
	}

	@Test
	void aCoupleQualifiesForPrePregnancyChecksWhenOneOfThemIsLocal() {
		String id = person(LocalDate.of(1995, 4, 4), true, false, null);
		jdbc.sql("INSERT INTO benefits_booking (id_number, booked_on, partner_id_number, partner_local, source) "
				+ "VALUES (?, ?, '320102199301010011', false, '测试')").params(id, LocalDate.of(2026, 5, 1)).update();
		assertThat(eligible("PRE_PREGNANCY_CHECK", id)).as("neither local nor living in Pudong").isFalse();
		jdbc.sql("UPDATE benefits_booking SET partner_local = true WHERE id_number = ?").param(id).update();
		assertThat(eligible("PRE_PREGNANCY_CHECK", id)).isTrue();
		clock.travelTo(LocalDate.of(2027, 5, 1));
		assertThat(eligible("PRE_PREGNANCY_CHECK", id)).as("a booking lapses after a year").isFalse();
	}

	@Test
	void theExplanationSaysPerClauseWhetherItHeldOnWhichData() throws Exception {
		String id = person(LocalDate.of(1972, 9, 9), true, true, "塘桥街道");
		status(id, "RETIRED", LocalDate.of(2022, 9, 9), null);
		service(id, "TWO_CANCER_SCREENING", LocalDate.of(2025, 3, 3));

		JsonNode e = read(basic("publichealth"), "/api/benefits/people/" + id + "/explanation?programme=TWO_CANCER_SCREENING", 200);
		assertThat(e.get("eligible").asBoolean()).isFalse();
		assertThat(e.get("asOf").asString()).isEqualTo("2026-06-15");
		JsonNode interval = clause(e, "interval");
		assertThat(interval.get("held").asBoolean()).isFalse();
		assertThat(interval.get("basis").asString()).contains("两年");
		JsonNode fact = interval.get("facts").get(0);
		assertThat(fact.get("name").asString()).isEqualTo("days_since_two_cancer_screening");
		assertThat(fact.get("value").asLong()).isEqualTo(469);
		assertThat(fact.get("source").asString()).isEqualTo("区卫生健康信息平台（测试）");
		assertThat(fact.get("recordedOn").asString()).isEqualTo("2025-03-03");
		assertThat(clause(e, "retired-or-hardship").get("held").asBoolean()).isTrue();
		assertThat(clause(e, "retired-or-hardship").get("facts").toString()).contains("测试来源").contains("2022-09-09");
		assertThat(clause(e, "age-band").get("facts").get(0).get("detail").asString()).contains("1972-09-09");

		// another division's programme is not theirs to explain; residents may not ask at all
		read(basic("primary"), "/api/benefits/people/" + id + "/explanation?programme=TWO_CANCER_SCREENING", 404);
		read(basic("citizen"), "/api/benefits/people/" + id + "/explanation?programme=TWO_CANCER_SCREENING", 403);
		read(basic("publichealth"), "/api/benefits/people/310115197209091234/explanation?programme=TWO_CANCER_SCREENING", 400);
	}

	private static JsonNode clause(JsonNode explanation, String id) {
		for (JsonNode c : explanation.get("clauses")) {
			if (c.get("id").asString().equals(id)) {
				return c;
			}
		}
		throw new AssertionError("no clause " + id);
	}
}
