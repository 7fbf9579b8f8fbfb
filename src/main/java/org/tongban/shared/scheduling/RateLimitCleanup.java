package org.tongban.shared.scheduling;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.tongban.shared.RateLimits;

/** Deletes the rate-limit buckets that are full again, on one instance at a time. */
@Component
@ConditionalOnProperty(name = "tongban.scheduling.enabled", havingValue = "true", matchIfMissing = true)
class RateLimitCleanup {

	private final RateLimits limits;

	RateLimitCleanup(RateLimits limits) {
		this.limits = limits;
	}

	@Scheduled(fixedDelayString = "${tongban.rate-limits.cleanup-every:PT10M}", initialDelayString = "PT1M")
	@SchedulerLock(name = "rate-limit-cleanup", lockAtMostFor = "PT10M")
	void removeExpired() {
		limits.removeExpired();
	}
}
