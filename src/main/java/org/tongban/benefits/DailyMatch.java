package org.tongban.benefits;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The daily full match: turning 65 (or reaching the end of a screening interval) is a date fact, so the day's
 * run picks up everyone whose birthday or last screening makes them newly eligible.
 */
@Component
@ConditionalOnProperty(name = "tongban.scheduling.enabled", havingValue = "true", matchIfMissing = true)
class DailyMatch {

	private final FullRun fullRun;

	DailyMatch(FullRun fullRun) {
		this.fullRun = fullRun;
	}

	@Scheduled(cron = "${tongban.benefits.match-cron:0 30 1 * * *}", zone = "Asia/Shanghai")
	@SchedulerLock(name = "benefits-daily-match", lockAtMostFor = "PT2H")
	void run() {
		fullRun.run("system");
	}
}
