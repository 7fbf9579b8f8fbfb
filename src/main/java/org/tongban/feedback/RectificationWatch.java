package org.tongban.feedback;

import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongban.cases.WarningLevel;
import org.tongban.notification.Inbox;

/**
 * Escalates rectification tasks by their warning level: one working day or less left (AMBER) tells the unit, overdue
 * (RED) tells the unit and the commission's leaders. Each message is sent once per task and due date (the inbox's
 * dedup key), so the hourly run may repeat without repeating itself.
 */
@Service
public class RectificationWatch {

	static final String LEADERS = "COMMISSION";

	private final Rectifications rectifications;
	private final Inbox inbox;

	RectificationWatch(Rectifications rectifications, Inbox inbox) {
		this.rectifications = rectifications;
		this.inbox = inbox;
	}

	/** Sends the warnings due today; returns how many messages were sent. */
	@Transactional
	public int escalate() {
		int sent = 0;
		List<Rectification> open = rectifications.list(null).stream().filter(r -> r.due() != null).toList();
		for (Rectification r : open) {
			String what = r.status() == Rectification.Status.OPEN ? "联系申请人" : "答复整改情况";
			String key = "rectification-" + r.id() + "-" + r.status() + "-" + r.due();
			if (r.warning() == WarningLevel.AMBER && inbox.notifyUnit(r.unit(), "好差评", "差评整改即将到期",
					"一项差评整改任务应于 " + r.due() + " 前" + what + "，请及时办理。", "/feedback/rectifications", key + "-amber")) {
				sent++;
			}
			if (r.warning() == WarningLevel.RED) {
				String body = "一项差评整改任务应于 " + r.due() + " 前" + what + "，现已逾期。";
				sent += inbox.notifyUnit(r.unit(), "好差评", "差评整改已逾期", body, "/feedback/rectifications", key + "-red") ? 1 : 0;
				sent += inbox.notifyUnit(LEADERS, "好差评", "差评整改已逾期（督办）", body + "责任单位：" + r.unit() + "。",
						"/feedback/rectifications", key + "-red-leaders") ? 1 : 0;
			}
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
