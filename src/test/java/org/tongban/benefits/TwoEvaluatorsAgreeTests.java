package org.tongban.benefits;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;

/**
 * The bulk matcher (rules translated into SQL) and the explainer (the CEL runtime on facts derived in Java) are two
 * evaluators with one meaning: over thousands of people drawn at random from the synthetic Pudong, on several days,
 * they select exactly the same people for every programme.
 */
class TwoEvaluatorsAgreeTests extends BenefitsIntegrationTest {

	@Autowired
	Registers registers;

	@Autowired
	DataSource dataSource;

	@Autowired
	TransactionTemplate transactions;

	@ParameterizedTest
	@ValueSource(strings = {"2026-06-15", "2026-12-31", "2027-01-01", "2027-02-28"})
	void bothEvaluatorsSelectTheSamePeople(String day) {
		clock.travelTo(LocalDate.parse(day));
		long seed = System.nanoTime();
		jdbc.sql("SELECT setseed(?)").param((seed % 1000) / 1000.0).query((rs, i) -> 1).list();
		List<String> sample = jdbc.sql("SELECT id_number FROM benefits_person ORDER BY random() LIMIT 2000")
			.query(String.class).list();
		assertThat(sample).hasSizeGreaterThan(1500);
		List<String> everyone = jdbc.sql("SELECT id_number FROM benefits_person").query(String.class).list();
		java.util.Random random = new java.util.Random(seed);
		for (Programme p : programmes.all()) {
			Rule rule = programmes.current(p.code(), clock.today());
			// a programme few qualify for (pre-pregnancy checks: about one in a thousand on some days) may have nobody
			// in a random sample: the sample also takes up to 50 of those the matcher finds in the whole population
			List<String> qualifying = new ArrayList<>(matcher.eligibleAmong(rule, everyone));
			assertThat(qualifying).as(p.code() + " on " + day + ": nobody qualifies in the whole population").isNotEmpty();
			java.util.Collections.shuffle(qualifying, random);
			Set<String> tried = new java.util.LinkedHashSet<>(sample);
			tried.addAll(qualifying.subList(0, Math.min(50, qualifying.size())));
			Set<String> bySql = new HashSet<>(matcher.eligibleAmong(rule, List.copyOf(tried)));
			Set<String> byCel = new HashSet<>();
			for (String id : tried) {
				if (explainer.holds(rule, registers.file(id).orElseThrow(), clock.today())) {
					byCel.add(id);
				}
			}
			assertThat(bySql).as(p.code() + " on " + day + " (sample seed " + seed + ")").isEqualTo(byCel);
			assertThat(bySql).as(p.code() + ": a sample where nobody or everybody qualifies proves little")
				.isNotEmpty().hasSizeLessThan(tried.size());
		}
	}

	/**
	 * The full run evaluates every rule in one scan of everyone, a different SQL shape from the per-person one above:
	 * it must select exactly whom the per-person SQL selects (and so whom CEL selects), less those who opted out.
	 */
	@ParameterizedTest
	@ValueSource(strings = {"2026-12-31", "2027-01-01"})
	void theFullRunSelectsWhomTheRulesSelect(String day) {
		clock.travelTo(LocalDate.parse(day));
		List<String> everyone = jdbc.sql("SELECT id_number FROM benefits_person").query(String.class).list();
		Map<String, Set<String>> byFullRun = fullRun.selected();
		for (Programme p : programmes.all()) {
			Set<String> expected = new HashSet<>(matcher.eligibleAmong(programmes.current(p.code(), clock.today()), everyone));
			expected.removeAll(jdbc.sql("SELECT id_number FROM benefits_opt_out WHERE programme_code IN ('*', ?)")
				.param(p.code()).query(String.class).list());
			assertThat(expected).as(p.code() + " on " + day).isNotEmpty();
			assertThat(byFullRun.get(p.code())).as(p.code() + " on " + day).isEqualTo(expected);
		}
	}

	/** A register row whose ID number fails GB 11643 is skipped, counted and reported; the load goes on. */
	@Test
	void invalidIdNumbersInAFeedAreSkippedCountedAndReported() {
		RegisterLoader.Report[] report = new RegisterLoader.Report[1];
		long[] loaded = new long[2];
		transactions.executeWithoutResult(tx -> {
			// on an empty register in a transaction that is rolled back, so the suite's population stays as it was
			jdbc.sql("TRUNCATE benefits_person, benefits_status, benefits_service, benefits_contract, benefits_booking")
				.update();
			report[0] = RegisterLoader.load(dataSource, new SyntheticPudong(42, clock.today()), 12_000);
			loaded[0] = jdbc.sql("SELECT count(*) FROM benefits_person").query(Long.class).single();
			List<String> ids = jdbc.sql("SELECT id_number FROM benefits_person").query(String.class).list();
			loaded[1] = ids.stream().filter(id -> org.tongban.shared.ResidentIdNumber.problemWith(id).isPresent()).count();
			tx.setRollbackOnly();
		});
		assertThat(report[0].skipped()).isPositive();
		assertThat(report[0].residents()).isEqualTo(loaded[0]);
		assertThat(report[0].residents() + report[0].problems().size()).isLessThanOrEqualTo(12_000);
		assertThat(loaded[1]).as("no invalid ID number got in").isZero();
		assertThat(report[0].problems().get(0)).contains("校验位").contains("未载入");
	}

	/** The synthetic Pudong has the district's shape: 36 streets and towns, about 14 % aged 65 and over. */
	@Test
	void theSyntheticDistrictHasARealisticShape() {
		List<SyntheticPudong.Resident> people = new ArrayList<>();
		SyntheticPudong pudong = new SyntheticPudong(7, LocalDate.of(2026, 6, 15));
		pudong.generate(20_000, people::add);
		assertThat(pudong.streets()).hasSize(36);
		long old = people.stream().filter(r -> r.person().birthDate().isBefore(LocalDate.of(1961, 6, 16))).count();
		assertThat(old / 20_000.0).isBetween(0.12, 0.16);
		long women = people.stream().filter(r -> r.person().sex().equals("F")).count();
		assertThat(women / 20_000.0).isBetween(0.47, 0.53);
		assertThat(people.stream().map(r -> r.person().street()).filter(s -> s != null).distinct().count()).isEqualTo(36);
		List<SyntheticPudong.Resident> again = new ArrayList<>();
		new SyntheticPudong(7, LocalDate.of(2026, 6, 15)).generate(20_000, again::add);
		assertThat(again).as("the same seed, the same district").isEqualTo(people);
	}
}
