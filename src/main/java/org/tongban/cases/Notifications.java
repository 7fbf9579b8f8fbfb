package org.tongban.cases;

import java.util.List;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import org.tongban.notification.Inbox;

/** Tells the applicant about each step through every configured channel. */
@Component
class Notifications {

	private final List<ApplicantChannel> channels;
	private final DecisionNotices notices;

	Notifications(List<ApplicantChannel> channels, DecisionNotices notices) {
		this.channels = channels;
		this.notices = notices;
	}

	/** Every message names the case by its 办件编号, the number the applicant reads on the receipt. */
	void tell(Case c, String title, String body) {
		send(c, title, c.number() == null ? body : "办件编号 " + c.number() + "：" + body);
	}

	/** Sends the written decision of a refused, denied or revoked case: reasons, legal basis and rights. */
	void tellDecision(Case c, String title) {
		String text = notices.of(c).map(DecisionNotice::text)
				.orElseThrow(() -> new IllegalStateException("case " + c.id() + " holds no refusal, denial or revocation"));
		// the written decision stays whole, under a line with the number
		send(c, title, c.number() == null ? text : "办件编号 " + c.number() + "\n" + text);
	}

	private void send(Case c, String title, String body) {
		String link = "/cases/" + c.id();
		channels.forEach(channel -> channel.send(c, title, body, link));
	}

	/** The in-app inbox of the account that owns the case; always on. */
	@Component
	static class InboxChannel implements ApplicantChannel {

		private final Inbox inbox;

		InboxChannel(Inbox inbox) {
			this.inbox = inbox;
		}

		@Override
		public void send(Case c, String title, String body, String link) {
			inbox.notifyUser(c.applicant().owner(), "办件进度", title, body, link, null);
		}
	}

	/**
	 * SMS in the demo: logs what would be sent, to the masked number on the form. A gateway adapter replaces
	 * it in production ({@code tongban.notifications.sms=log} switches this one on).
	 */
	@Component
	@ConditionalOnProperty(name = "tongban.notifications.sms", havingValue = "log")
	static class LoggedSms implements ApplicantChannel {

		private static final Log log = LogFactory.getLog(LoggedSms.class);

		private final org.tongban.shared.PublicUrl publicUrl;

		LoggedSms(org.tongban.shared.PublicUrl publicUrl) {
			this.publicUrl = publicUrl;
		}

		@Override
		public void send(Case c, String title, String body, String link) {
			String phone = c.form().get("phone");
			if (phone != null && phone.matches("1\\d{10}")) {
				// the link leaves the product: the public address, never the server's own
				log.info("SMS to " + phone.substring(0, 3) + "****" + phone.substring(7) + ": 【浦东卫健】" + title
						+ (c.number() == null ? "" : "（办件编号 " + c.number() + "）") + "，详情请登录一网通办查看：" + publicUrl.of(link));
			}
		}
	}
}
