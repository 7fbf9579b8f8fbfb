package org.tongban.benefits;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Notifies pending offers, each in its own transaction: the offer is claimed (PENDING → NOTIFIED) and the message
 * written together, so a channel that fails leaves the offer pending for the next run (nothing lost), and a
 * claimed offer is never sent twice.
 */
@Service
class Delivery {

	private static final Log log = LogFactory.getLog(Delivery.class);

	private final JdbcClient jdbc;
	private final Notifier notifier;
	private final Programmes programmes;
	private final Institutions institutions;
	private final TransactionTemplate transactions;
	private final Clock clock;

	Delivery(JdbcClient jdbc, Notifier notifier, Programmes programmes, Institutions institutions,
			TransactionTemplate transactions, Clock clock) {
		this.jdbc = jdbc;
		this.notifier = notifier;
		this.programmes = programmes;
		this.institutions = institutions;
		this.transactions = transactions;
		this.clock = clock;
	}

	private record Pending(UUID id, String programme, String idNumber, String street) {
	}

	/** Notifies the pending offers of the people the channel reaches (among {@code idNumbers}; null: all). */
	long notifyPending(List<String> idNumbers) {
		if (idNumbers != null && jdbc.sql("SELECT count(*) FROM benefits_entitlement WHERE status = 'PENDING' AND id_number IN (:ids)")
			.param("ids", idNumbers).query(Long.class).single() == 0) {
			// a change that made no new offer: nothing to send, and no need to ask the channel whom it reaches
			return 0;
		}
		Set<String> reachable = notifier.reachable(idNumbers);
		if (reachable.isEmpty()) {
			return 0;
		}
		List<Pending> pending = jdbc.sql("SELECT id, programme_code, id_number, street FROM benefits_entitlement "
				+ "WHERE status = 'PENDING' AND id_number IN (:ids) ORDER BY created_at")
			.param("ids", new ArrayList<>(reachable))
			.query((rs, i) -> new Pending(rs.getObject("id", UUID.class), rs.getString("programme_code"),
					rs.getString("id_number"), rs.getString("street")))
			.list();
		long sent = 0;
		for (Pending p : pending) {
			try {
				Boolean done = transactions.execute(tx -> {
					int claimed = jdbc.sql("UPDATE benefits_entitlement SET status = 'NOTIFIED', notified_at = ? "
							+ "WHERE id = ? AND status = 'PENDING'")
						.params(Timestamp.from(clock.instant()), p.id()).update();
					if (claimed == 0) {
						return false;
					}
					Programme programme = programmes.get(p.programme());
					notifier.send(new Notifier.Offer(p.id(), p.idNumber(), programme,
							institutions.namesFor(programme.code(), p.street())));
					return true;
				});
				if (Boolean.TRUE.equals(done)) {
					sent++;
				}
			}
			catch (RuntimeException ex) {
				log.warn("免申即享通知未送达，下次匹配时重试：" + p.id() + "：" + ex.getMessage());
			}
		}
		return sent;
	}
}
