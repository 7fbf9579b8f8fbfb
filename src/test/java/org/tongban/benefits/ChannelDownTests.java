package org.tongban.benefits;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/** A channel that is down loses nothing and sends nothing twice: the offer stays pending until it goes through. */
class ChannelDownTests extends BenefitsIntegrationTest {

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	Institutions institutions;

	/** A channel that reaches everyone asked about, fails while {@code down}, and records what it sent. */
	static final class FlakyChannel implements Notifier {

		boolean down = true;
		final List<java.util.UUID> sent = new ArrayList<>();

		@Override
		public Set<String> reachable(Collection<String> idNumbers) {
			return Set.copyOf(idNumbers);
		}

		@Override
		public void send(Offer offer) {
			if (down) {
				throw new IllegalStateException("短信网关无响应");
			}
			sent.add(offer.entitlementId());
		}
	}

	@Test
	void aFailedNotificationIsRetriedLaterAndNeverDuplicated() {
		String id = person(LocalDate.of(1952, 12, 12), true, true, "合庆镇");
		contract(id, LocalDate.of(2023, 1, 1));
		FlakyChannel channel = new FlakyChannel();
		Delivery delivery = new Delivery(jdbc, channel, programmes, institutions, transactions, clock);
		matcher.rematch(List.of(id));
		jdbc.sql("UPDATE benefits_entitlement SET status = 'PENDING', notified_at = NULL WHERE id_number = ?").param(id).update();

		assertThat(delivery.notifyPending(List.of(id))).isZero();
		assertThat(status(id)).as("nothing lost: still waiting to be notified").isEqualTo("PENDING");

		channel.down = false;
		assertThat(delivery.notifyPending(List.of(id))).isEqualTo(1);
		assertThat(status(id)).isEqualTo("NOTIFIED");
		assertThat(delivery.notifyPending(List.of(id))).as("no duplicate").isZero();
		assertThat(channel.sent).hasSize(1);
	}

	private String status(String id) {
		return jdbc.sql("SELECT status FROM benefits_entitlement WHERE id_number = ? AND programme_code = 'ELDERLY_HEALTH_CHECK'")
			.param(id).query(String.class).single();
	}
}
