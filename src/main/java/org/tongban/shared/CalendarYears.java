package org.tongban.shared;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The calendar tables; only this module reads or writes them. */
@Repository
class CalendarYears {

	private final JdbcClient jdbc;

	CalendarYears(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long revision() {
		return jdbc.sql("SELECT revision FROM shared_calendar_revision").query(Long.class).single();
	}

	/** Serialises edits across instances for the rest of the transaction. */
	void lockForEdit() {
		jdbc.sql("SELECT revision FROM shared_calendar_revision FOR UPDATE").query(Long.class).single();
	}

	/** Called inside the edit's transaction, after {@link #lockForEdit()}, so the new number is the newest. */
	void bumpRevision() {
		jdbc.sql("UPDATE shared_calendar_revision SET revision = nextval('shared_calendar_revision_seq')").update();
		WorkingDayCalendar.forgetInTransaction();
	}

	List<CalendarYear> all() {
		Map<Integer, List<SpecialDay>> days = new LinkedHashMap<>();
		jdbc.sql("SELECT day, year, kind, name FROM shared_calendar_day ORDER BY day")
				.query((rs, i) -> {
					days.computeIfAbsent(rs.getInt("year"), y -> new ArrayList<>())
							.add(new SpecialDay(rs.getObject("day", LocalDate.class),
									SpecialDay.Kind.valueOf(rs.getString("kind")), rs.getString("name")));
					return null;
				})
				.list();
		return jdbc.sql("SELECT year, source, entered_by, entered_at FROM shared_calendar_year ORDER BY year")
				.query((rs, i) -> new CalendarYear(rs.getInt("year"), rs.getString("source"), rs.getString("entered_by"),
						rs.getTimestamp("entered_at").toInstant(), days.getOrDefault(rs.getInt("year"), List.of())))
				.list();
	}

	Optional<CalendarYear> byYear(int year) {
		return all().stream().filter(y -> y.year() == year).findFirst();
	}

	void replace(CalendarYear year) {
		jdbc.sql("""
				INSERT INTO shared_calendar_year (year, source, entered_by, entered_at) VALUES (?, ?, ?, ?)
				ON CONFLICT (year) DO UPDATE SET source = excluded.source, entered_by = excluded.entered_by,
				  entered_at = excluded.entered_at
				""")
				.params(year.year(), year.source(), year.enteredBy(), Timestamp.from(year.enteredAt()))
				.update();
		jdbc.sql("DELETE FROM shared_calendar_day WHERE year = ?").param(year.year()).update();
		for (SpecialDay day : year.days()) {
			jdbc.sql("INSERT INTO shared_calendar_day (day, year, kind, name) VALUES (?, ?, ?, ?)")
					.params(day.date(), year.year(), day.kind().name(), day.name())
					.update();
		}
	}
}
