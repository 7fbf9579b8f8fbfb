package org.tongban.feedback;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Escalates 办不成事 tickets through {@link Escalation}, as {@link RectificationWatch} does rectifications: each message
 * once per ticket, status and date.
 */
@Service
public class TicketWatch {

	private final Tickets tickets;
	private final Escalation escalation;

	TicketWatch(Tickets tickets, Escalation escalation) {
		this.tickets = tickets;
		this.escalation = escalation;
	}

	/** Sends the warnings due today; returns how many messages were sent. */
	@Transactional
	public int escalate() {
		int sent = 0;
		for (Ticket t : tickets.awaitingUnit()) {
			String what = t.status() == Ticket.Status.OPEN ? "联系反映人" : "答复办理结果";
			sent += escalation.warn("办不成事", "办不成事", "一件办不成事", t.unit(), t.due(), what, t.warning(),
					"/feedback/tickets/" + t.id(), "ticket-" + t.id() + "-" + t.status() + "-" + t.due());
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
