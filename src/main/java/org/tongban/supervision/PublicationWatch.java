package org.tongban.supervision;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongban.notification.Inbox;

/**
 * Warns the institute of penalty decisions about to miss their publication date (国办发〔2018〕118号: 7 working days)
 * and of those that missed it: one inbox message per decision and urgency, so the hourly run may repeat.
 */
@Service
public class PublicationWatch {

	/** The unit whose members publish decisions. */
	static final String UNIT = "SUPERVISION_INSTITUTE";

	private final PenaltyPublication publication;
	private final Inbox inbox;

	PublicationWatch(PenaltyPublication publication, Inbox inbox) {
		this.publication = publication;
		this.inbox = inbox;
	}

	/** Sends the warnings due now; answers how many messages were sent. */
	@Transactional
	public int warn() {
		int sent = 0;
		for (PenaltyPublication.Unpublished u : publication.unpublished()) {
			if (u.urgency() == PenaltyPublication.Urgency.ON_TIME) {
				continue;
			}
			boolean overdue = u.urgency() == PenaltyPublication.Urgency.OVERDUE;
			String title = "行政处罚决定" + (overdue ? "已逾期未公示" : "即将到期未公示");
			String body = "处罚决定 " + u.decisionNumber() + "（" + u.entityName() + "，" + u.decidedOn() + " 作出）应于 " + u.due()
					+ " 前公示" + (overdue ? "，已逾期。" : "，还剩 " + u.workingDaysLeft() + " 个工作日。")
					+ "依据：国办发〔2018〕118号，行政执法决定信息在决定作出之日起 7 个工作日内公开。";
			sent += inbox.notifyUnit(UNIT, "行政处罚", title, body, "/supervision/penalties/" + u.id(),
					"penalty-publication-" + u.id() + "-" + u.urgency().name()) ? 1 : 0;
		}
		return sent;
	}

	/** Runs {@link #warn} hourly on one instance. */
	@org.springframework.stereotype.Component
	@org.springframework.boot.autoconfigure.condition.ConditionalOnProperty(name = "tongban.scheduling.enabled",
			havingValue = "true", matchIfMissing = true)
	static class Schedule {

		private final PublicationWatch watch;

		Schedule(PublicationWatch watch) {
			this.watch = watch;
		}

		@org.springframework.scheduling.annotation.Scheduled(cron = "${tongban.supervision.penalties.watch-cron:0 20 * * * *}",
				zone = "Asia/Shanghai")
		@net.javacrumbs.shedlock.spring.annotation.SchedulerLock(name = "supervision-penalty-publication",
				lockAtMostFor = "PT30M", lockAtLeastFor = "PT1M")
		void run() {
			watch.warn();
		}
	}
}
