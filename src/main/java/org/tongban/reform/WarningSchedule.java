package org.tongban.reform;

import java.time.Clock;
import java.time.LocalDate;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Runs the warnings every morning on one instance; off when scheduling is off (tests call the job directly). */
@Component
@ConditionalOnProperty(name = "tongban.scheduling.enabled", havingValue = "true", matchIfMissing = true)
class WarningSchedule {

	private final ReformWarnings warnings;
	private final Clock clock;

	WarningSchedule(ReformWarnings warnings, Clock clock) {
		this.warnings = warnings;
		this.clock = clock;
	}

	@Scheduled(cron = "${tongban.reform.warning-cron:0 30 8 * * *}", zone = "Asia/Shanghai")
	@SchedulerLock(name = "reform-warnings", lockAtMostFor = "PT15M", lockAtLeastFor = "PT1M")
	void daily() {
		warnings.raise(LocalDate.now(clock));
	}
}
