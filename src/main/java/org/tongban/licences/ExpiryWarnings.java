package org.tongban.licences;

import java.time.Clock;
import java.time.LocalDate;

import org.springframework.stereotype.Service;
import org.tongban.notification.Inbox;

/**
 * Warns holders 90 and 30 days before a licence's last valid day, in their inbox. The dedup key (number,
 * last valid day, days before) makes each warning go out once, however often the job runs; a renewal moves
 * the last valid day and so warns again before the new one.
 */
@Service
public class ExpiryWarnings {

	static final int[] DAYS_BEFORE = { 90, 30 };

	private final LicenceStore store;
	private final Inbox inbox;
	private final Clock clock;

	ExpiryWarnings(LicenceStore store, Inbox inbox, Clock clock) {
		this.store = store;
		this.inbox = inbox;
		this.clock = clock;
	}

	public int run() {
		return run(LocalDate.now(clock));
	}

	/**
	 * Sends the warnings due on {@code today}: a valid licence with at most 90 (30) days left gets the 90-day
	 * (30-day) warning if it has not had it, so a missed run catches up the next day. Returns how many were new.
	 */
	public int run(LocalDate today) {
		int sent = 0;
		for (Licence l : store.validUntilBetween(today.plusDays(1), today.plusDays(DAYS_BEFORE[0]))) {
			long left = java.time.temporal.ChronoUnit.DAYS.between(today, l.validUntil());
			int threshold = left <= DAYS_BEFORE[1] ? DAYS_BEFORE[1] : DAYS_BEFORE[0];
			String title = "证照即将到期：" + l.name();
			String body = "您的" + l.name() + "（编号 " + l.number() + "）有效期至 " + l.validUntil() + "，还有 " + left
					+ " 天到期。如需继续使用，请及时申请延续。";
			if (inbox.notifyUser(l.owner(), "licence-expiry", title, body, "/licences/" + l.number(),
					"licence-expiry:" + l.number() + ":" + l.validUntil() + ":" + threshold)) {
				sent++;
			}
		}
		return sent;
	}
}
