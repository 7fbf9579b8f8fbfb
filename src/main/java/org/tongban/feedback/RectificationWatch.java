package org.tongban.feedback;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Escalates rectification tasks by their warning level through {@link Escalation}: each message once per task,
 * status and due date, so the hourly run may repeat without repeating itself.
 */
@Service
public class RectificationWatch {

	private final Rectifications rectifications;
	private final Escalation escalation;

	RectificationWatch(Rectifications rectifications, Escalation escalation) {
		this.rectifications = rectifications;
		this.escalation = escalation;
	}

	/** Sends the warnings due today; returns how many messages were sent. */
	@Transactional
	public int escalate() {
		int sent = 0;
		for (Rectification r : rectifications.awaitingUnit()) {
			String what = r.status() == Rectification.Status.OPEN ? "联系申请人" : "答复整改情况";
			sent += escalation.warn("好差评", "差评整改", "一项差评整改任务", r.unit(), r.due(), what, r.warning(),
					"/feedback/rectifications", "rectification-" + r.id() + "-" + r.status() + "-" + r.due());
		}
		return sent;
	}

	/** Runs {@link #escalate} hourly on one instance. */
	@org.springframework.stereotype.Component
	@org.springframework.boot.autoconfigure.condition.ConditionalOnProperty(name = "tongban.scheduling.enabled",
			havingValue = "true", matchIfMissing = true)
	static class Schedule {

		private final RectificationWatch watch;

		Schedule(RectificationWatch watch) {
			this.watch = watch;
		}

		@org.springframework.scheduling.annotation.Scheduled(cron = "${tongban.feedback.watch-cron:0 15 * * * *}",
				zone = "Asia/Shanghai")
		@net.javacrumbs.shedlock.spring.annotation.SchedulerLock(name = "feedback-rectifications", lockAtMostFor = "PT30M",
				lockAtLeastFor = "PT1M")
		void run() {
			watch.escalate();
		}
	}
}
