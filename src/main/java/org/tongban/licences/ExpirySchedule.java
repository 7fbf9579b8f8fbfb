package org.tongban.licences;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Runs the expiry warnings every morning on one instance; off when scheduling is off (tests call the job). */
@Component
@ConditionalOnProperty(name = "tongban.scheduling.enabled", havingValue = "true", matchIfMissing = true)
class ExpirySchedule {

	private final ExpiryWarnings warnings;

	ExpirySchedule(ExpiryWarnings warnings) {
		this.warnings = warnings;
	}

	@Scheduled(cron = "${tongban.licences.expiry-cron:0 0 8 * * *}", zone = "Asia/Shanghai")
	@SchedulerLock(name = "licence-expiry-warnings", lockAtMostFor = "PT15M", lockAtLeastFor = "PT1M")
	void daily() {
		warnings.run();
	}
}
