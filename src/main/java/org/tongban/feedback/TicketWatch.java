package org.tongban.feedback;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongban.cases.WarningLevel;
import org.tongban.notification.Inbox;

/**
 * Escalates 办不成事 tickets as {@link RectificationWatch} does rectifications: one working day or less left (AMBER)
 * tells the owner unit, overdue (RED) tells the unit and the commission's leaders; each message once per ticket,
 * status and date (the inbox's dedup key).
 */
@Service
public class TicketWatch {

	private final Tickets tickets;
	private final Inbox inbox;

	TicketWatch(Tickets tickets, Inbox inbox) {
		this.tickets = tickets;
		this.inbox = inbox;
	}

	/** Sends the warnings due today; returns how many messages were sent. */
	@Transactional
	public int escalate() {
		int sent = 0;
		for (Ticket t : tickets.list(null)) {
			if (t.due() == null) {
				continue;
			}
			String what = t.status() == Ticket.Status.OPEN ? "联系反映人" : "答复办理结果";
			String key = "ticket-" + t.id() + "-" + t.status() + "-" + t.due();
			String link = "/feedback/tickets/" + t.id();
			if (t.warning() == WarningLevel.AMBER && inbox.notifyUnit(t.unit(), "办不成事", "办不成事即将到期",
					"一件办不成事应于 " + t.due() + " 前" + what + "，请及时办理。", link, key + "-amber")) {
				sent++;
			}
			if (t.warning() == WarningLevel.RED) {
				String body = "一件办不成事应于 " + t.due() + " 前" + what + "，现已逾期。";
				sent += inbox.notifyUnit(t.unit(), "办不成事", "办不成事已逾期", body, link, key + "-red") ? 1 : 0;
				sent += inbox.notifyUnit(RectificationWatch.LEADERS, "办不成事", "办不成事已逾期（督办）",
						body + "责任单位：" + t.unit() + "。", link, key + "-red-leaders") ? 1 : 0;
			}
		}
		return sent;
	}

	/** Runs {@link #escalate} hourly on one instance. */
	@org.springframework.stereotype.Component
	@org.springframework.boot.autoconfigure.condition.ConditionalOnProperty(name = "tongban.scheduling.enabled",
			havingValue = "true", matchIfMissing = true)
	static class Schedule {

		private final TicketWatch watch;

		Schedule(TicketWatch watch) {
			this.watch = watch;
		}

		@org.springframework.scheduling.annotation.Scheduled(cron = "${tongban.feedback.watch-cron:0 15 * * * *}",
				zone = "Asia/Shanghai")
		@net.javacrumbs.shedlock.spring.annotation.SchedulerLock(name = "feedback-tickets", lockAtMostFor = "PT30M",
				lockAtLeastFor = "PT1M")
		void run() {
			watch.escalate();
		}
	}
}
