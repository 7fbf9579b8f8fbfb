package org.tongban.shared.scheduling;

import java.time.Duration;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Delivers again the events whose listener failed (a process engine error, a storage directory that was
 * not writable, a calendar year missing), not only after a restart: every few minutes, each publication
 * still incomplete after a while is resubmitted. Listeners are idempotent, so a second delivery is harmless.
 */
@Component
@ConditionalOnProperty(name = "tongban.scheduling.enabled", havingValue = "true", matchIfMissing = true)
class EventRetries {

	private final IncompleteEventPublications incomplete;

	EventRetries(IncompleteEventPublications incomplete) {
		this.incomplete = incomplete;
	}

	@Scheduled(fixedDelayString = "${tongban.events.retry-every:PT5M}", initialDelayString = "PT2M")
	@SchedulerLock(name = "event-retries", lockAtMostFor = "PT10M")
	void resubmit() {
		incomplete.resubmitIncompletePublicationsOlderThan(Duration.ofMinutes(5));
	}
}
