package org.tongban.archive;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Builds pending packages every few minutes and checks fixity weekly, on one instance at a time; off when
 * scheduling is off (tests and ADMIN call {@link Archiving#buildPending()} and {@link FixityCheck#run} directly).
 */
@Component
@ConditionalOnProperty(name = "tongban.scheduling.enabled", havingValue = "true", matchIfMissing = true)
class ArchiveSchedule {

	private final Archiving archiving;
	private final FixityCheck fixity;

	ArchiveSchedule(Archiving archiving, FixityCheck fixity) {
		this.archiving = archiving;
		this.fixity = fixity;
	}

	@Scheduled(cron = "${tongban.archive.build-cron:0 */5 * * * *}", zone = "Asia/Shanghai")
	@SchedulerLock(name = "archive-build", lockAtMostFor = "PT2H", lockAtLeastFor = "PT1M")
	void build() {
		archiving.buildPending();
	}

	@Scheduled(cron = "${tongban.archive.fixity-cron:0 0 2 * * SUN}", zone = "Asia/Shanghai")
	@SchedulerLock(name = "archive-fixity", lockAtMostFor = "PT6H", lockAtLeastFor = "PT5M")
	void weeklyFixity() {
		fixity.run("system");
	}
}
