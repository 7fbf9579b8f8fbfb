package org.tongban.benefits;

import java.time.LocalDate;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The registers as the demo keeps them: in the module's tables, filled by {@link SyntheticPudong} and by tests. */
@Component
class DemoRegisters implements Registers {

	private final JdbcClient jdbc;

	DemoRegisters(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Optional<PersonFile> file(String idNumber) {
		return jdbc.sql("SELECT * FROM benefits_person WHERE id_number = ?").param(idNumber)
			.query((rs, i) -> new Person(rs.getString("id_number"), rs.getString("sex"),
					rs.getObject("birth_date", LocalDate.class), rs.getBoolean("household_local"), rs.getString("street"),
					rs.getObject("recorded_on", LocalDate.class), rs.getString("source")))
			.optional()
			.map(person -> new PersonFile(person,
					jdbc.sql("SELECT kind, since, until, source FROM benefits_status WHERE id_number = ? ORDER BY since")
						.param(idNumber)
						.query((rs, i) -> new Status(rs.getString("kind"), rs.getObject("since", LocalDate.class),
								rs.getObject("until", LocalDate.class), rs.getString("source")))
						.list(),
					jdbc.sql("SELECT kind, served_on, institution, source FROM benefits_service WHERE id_number = ? ORDER BY served_on")
						.param(idNumber)
						.query((rs, i) -> new Service(rs.getString("kind"), rs.getObject("served_on", LocalDate.class),
								rs.getString("institution"), rs.getString("source")))
						.list(),
					jdbc.sql("SELECT signed_on, ended_on, institution, source FROM benefits_contract WHERE id_number = ?")
						.param(idNumber)
						.query((rs, i) -> new Contract(rs.getObject("signed_on", LocalDate.class),
								rs.getObject("ended_on", LocalDate.class), rs.getString("institution"), rs.getString("source")))
						.list(),
					jdbc.sql("SELECT booked_on, partner_id_number, partner_local, source FROM benefits_booking WHERE id_number = ?")
						.param(idNumber)
						.query((rs, i) -> new Booking(rs.getObject("booked_on", LocalDate.class),
								rs.getString("partner_id_number"), rs.getBoolean("partner_local"), rs.getString("source")))
						.list()));
	}
}
