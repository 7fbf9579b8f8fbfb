package org.tongban.cases;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.tongban.shared.CalendarYearChanged;

/**
 * The clocks of open cases, kept as dates on the case rows rather than in memory, so they survive restarts
 * and deploys: deems cases accepted after five working days (art. 32), computes limits that waited for a
 * year's holidays, and raises amber and red warnings. Each case is handled in its own transaction.
 */
@Component
public class DeadlineWatch {

	private final JdbcClient jdbc;
	private final CaseHandling work;
	private final Clock clock;

	DeadlineWatch(JdbcClient jdbc, CaseHandling work, Clock clock) {
		this.jdbc = jdbc;
		this.work = work;
		this.clock = clock;
	}

	public record Round(int deemedAccepted, int warned) {
	}

	public Round run() {
		LocalDate today = LocalDate.now(clock);
		int deemed = 0;
		for (UUID id : jdbc.sql("""
				SELECT id FROM cases_case WHERE status = 'SUBMITTED' AND step = 'accept' AND acceptance_due < ?""")
				.param(today).query(UUID.class).list()) {
			deemed += work.deemAccepted(new CaseId(id)) ? 1 : 0;
		}
		int warned = 0;
		List<UUID> open = jdbc.sql("""
				SELECT id FROM cases_case
				WHERE status IN ('SUBMITTED', 'UNDER_REVIEW', 'SUSPENDED', 'CORRECTION_REQUESTED') OR limits_provisional
				  OR step = 'postVerify'""")
				.query(UUID.class).list();
		for (UUID id : open) {
			warned += work.watch(new CaseId(id)) == null ? 0 : 1;
		}
		return new Round(deemed, warned);
	}

	/**
	 * The holiday arrangement of a year was entered or edited: every case with a date in that year or later
	 * (or counted on a provisional year) is counted again, deadlines, suspensions and warning levels alike.
	 */
	@ApplicationModuleListener
	void on(CalendarYearChanged changed) {
		recount(changed.year());
	}

	/** Counts again every open case the year can touch; returns how many. */
	public int recount(int year) {
		List<UUID> touched = jdbc.sql("""
				SELECT id FROM cases_case
				WHERE (status IN ('SUBMITTED', 'UNDER_REVIEW', 'SUSPENDED', 'CORRECTION_REQUESTED') OR step = 'postVerify')
				  AND (limits_provisional
				    OR greatest(acceptance_due, promised_deadline, statutory_deadline, verification_due, statement_due) >= ?)""")
				.param(LocalDate.of(year, 1, 1)).query(UUID.class).list();
		touched.forEach(id -> work.recount(new CaseId(id)));
		return touched.size();
	}

	@Component
	@ConditionalOnProperty(name = "tongban.scheduling.enabled", havingValue = "true", matchIfMissing = true)
	static class Schedule {

		private final DeadlineWatch watch;

		Schedule(DeadlineWatch watch) {
			this.watch = watch;
		}

		@Scheduled(cron = "${tongban.cases.deadline-cron:0 5 * * * *}", zone = "Asia/Shanghai")
		@SchedulerLock(name = "cases-deadlines", lockAtMostFor = "PT30M", lockAtLeastFor = "PT1M")
		void hourly() {
			watch.run();
		}
	}
}
