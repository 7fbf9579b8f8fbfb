package org.tongban.benefits;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongban.shared.Problem;
import org.tongban.shared.ResidentIdNumber;

/**
 * Changes the demo registers receive from their sources (a move, a retirement, a screening or check-up done, a
 * contract signed), each announced as {@link PersonChanged} so that only that person is matched again. A service
 * done closes the booked offer it fulfils.
 */
@Service
class RegisterChanges {

	/** Which programme a service fulfils. */
	static final Map<String, String> FULFILS = Map.of("TWO_CANCER_SCREENING", "TWO_CANCER_SCREENING",
			"HEALTH_CHECK", "ELDERLY_HEALTH_CHECK");

	private final JdbcClient jdbc;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	RegisterChanges(JdbcClient jdbc, ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.events = events;
		this.clock = clock;
	}

	private String known(String idNumber) {
		String id = ResidentIdNumber.of("idNumber", idNumber).value();
		if (jdbc.sql("SELECT count(*) FROM benefits_person WHERE id_number = ?").param(id).query(Long.class).single() == 0) {
			throw Problem.notFound("人口库中没有此身份证号码的居民。");
		}
		return id;
	}

	@Transactional
	void moved(String idNumber, String street) {
		String id = known(idNumber);
		jdbc.sql("UPDATE benefits_person SET street = ?, recorded_on = ? WHERE id_number = ?")
			.params(street == null || street.isBlank() ? null : street, LocalDate.now(clock), id).update();
		events.publishEvent(new PersonChanged(id, "MOVED"));
	}

	@Transactional
	void retired(String idNumber, LocalDate since, String source) {
		String id = known(idNumber);
		jdbc.sql("INSERT INTO benefits_status (id_number, kind, since, source) VALUES (?, 'RETIRED', ?, ?) ON CONFLICT DO NOTHING")
			.params(id, since, source).update();
		events.publishEvent(new PersonChanged(id, "RETIRED"));
	}

	/** A screening or check-up done: recorded in the history, and the booked offer it fulfils is served. */
	@Transactional
	void served(String idNumber, String kind, LocalDate on, String institution, String source) {
		String id = known(idNumber);
		jdbc.sql("INSERT INTO benefits_service (id_number, kind, served_on, institution, source) VALUES (?, ?, ?, ?, ?) "
				+ "ON CONFLICT DO NOTHING")
			.params(id, kind, on, institution, source).update();
		jdbc.sql("UPDATE benefits_entitlement SET status = 'SERVED', decided_at = ?, served_on = ? "
				+ "WHERE id_number = ? AND programme_code = ? AND cycle = ? AND status IN ('PENDING', 'NOTIFIED', 'BOOKED')")
			.params(Timestamp.from(clock.instant()), on, id, FULFILS.get(kind), on.getYear()).update();
		events.publishEvent(new PersonChanged(id, kind));
	}
}
