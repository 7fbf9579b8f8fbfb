package org.tongban.benefits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Changes arrive as events and only the person concerned is matched again: a move into Pudong makes an offer, a
 * retirement makes a woman eligible for screening, a screening done serves the booked offer and makes no new one.
 */
class MatchingOnChangeTests extends BenefitsIntegrationTest {

	@Autowired
	RegisterChanges changes;

	@Autowired
	javax.sql.DataSource dataSource;

	private List<String> offers(String id) {
		return jdbc.sql("SELECT programme_code || ':' || status FROM benefits_entitlement WHERE id_number = ? ORDER BY 1")
			.param(id).query(String.class).list();
	}

	@Test
	void aMoveIntoPudongMakesTheOfferWithoutAFullRun() {
		String id = person(LocalDate.of(1955, 5, 5), false, false, null);
		String user = account(id);
		matcher.rematch(List.of(id));
		assertThat(offers(id)).isEmpty();
		String bystander = person(LocalDate.of(1950, 1, 1), false, true, "唐镇");

		changes.moved(id, "唐镇");
		await().atMost(Duration.ofSeconds(20)).until(() -> offers(id).size() == 2);
		assertThat(offers(id)).containsExactly("ELDERLY_HEALTH_CHECK:NOTIFIED", "FAMILY_DOCTOR:NOTIFIED");
		assertThat(messagesTo(user)).isEqualTo(2);
		assertThat(offers(bystander)).as("only the person concerned is matched").isEmpty();
	}

	@Test
	void retiringMakesAWomanEligibleForScreeningAndAScreeningDoneServesTheOffer() {
		String id = person(LocalDate.of(1974, 7, 7), true, true, "康桥镇");
		contract(id, LocalDate.of(2024, 1, 1));
		matcher.rematch(List.of(id));
		assertThat(offers(id)).isEmpty();

		changes.retired(id, LocalDate.of(2026, 6, 1), "市社保（测试）");
		await().atMost(Duration.ofSeconds(20)).until(() -> offers(id).size() == 1);
		assertThat(offers(id)).containsExactly("TWO_CANCER_SCREENING:PENDING");

		changes.served(id, "TWO_CANCER_SCREENING", clock.today(), "区妇幼保健所", "区卫生健康信息平台（测试）");
		await().atMost(Duration.ofSeconds(20)).until(() -> offers(id).equals(List.of("TWO_CANCER_SCREENING:SERVED")));
		assertThat(eligible("TWO_CANCER_SCREENING", id)).as("screened today: the next interval has begun").isFalse();
		matcher.rematch(List.of(id));
		assertThat(offers(id)).containsExactly("TWO_CANCER_SCREENING:SERVED");
	}

	/**
	 * A full run inserts its offers without ON CONFLICT while it holds the offers lock: a change arriving then waits
	 * for the run to commit, and makes its offer afterwards (never a duplicate, never an error).
	 */
	@Test
	void aChangeDuringAFullRunsInsertWaitsForIt() throws Exception {
		String id = person(LocalDate.of(1950, 3, 3), false, true, "唐镇");
		try (java.sql.Connection run = dataSource.getConnection()) {
			run.setAutoCommit(false);
			try (java.sql.PreparedStatement lock = run.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
				lock.setLong(1, Matcher.OFFERS_LOCK);
				lock.execute();
			}
			java.util.concurrent.CompletableFuture<long[]> change = java.util.concurrent.CompletableFuture
				.supplyAsync(() -> matcher.rematch(List.of(id)));
			// the incremental match is waiting for the lock (seen in pg_locks), and has made nothing yet
			await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql("""
					SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted
					  AND ((classid::bigint << 32) | objid::bigint) = ?""").param(Matcher.OFFERS_LOCK)
				.query(Long.class).single() == 1);
			assertThat(change).isNotDone();
			assertThat(offers(id)).isEmpty();
			run.commit();
			assertThat(change.get(20, java.util.concurrent.TimeUnit.SECONDS)[1]).isEqualTo(2);
		}
		assertThat(offers(id)).hasSize(2);
	}
}
