package org.tongban.feedback;

import java.time.LocalDate;

import org.springframework.stereotype.Component;
import org.tongban.cases.WarningLevel;
import org.tongban.notification.Inbox;

/**
 * The warnings of feedback's tasks (rectifications and 办不成事 tickets): one working day or less left (AMBER) tells
 * the unit, overdue (RED) tells the unit and the commission's leaders. Each message once per {@code key} (the inbox's
 * dedup key), so the hourly runs may repeat without repeating themselves.
 */
@Component
class Escalation {

	static final String LEADERS = "COMMISSION";

	private final Inbox inbox;

	Escalation(Inbox inbox) {
		this.inbox = inbox;
	}

	/**
	 * Sends what {@code level} calls for about one task; returns how many messages were sent.
	 * {@code title} names the kind in a subject ("差评整改"), {@code task} in a sentence ("一项差评整改任务"),
	 * {@code what} is the step due ("联系申请人").
	 */
	int warn(String topic, String title, String task, String unit, LocalDate due, String what, WarningLevel level,
			String link, String key) {
		int sent = 0;
		if (level == WarningLevel.AMBER && inbox.notifyUnit(unit, topic, title + "即将到期",
				task + "应于 " + due + " 前" + what + "，请及时办理。", link, key + "-amber")) {
			sent++;
		}
		if (level == WarningLevel.RED) {
			String body = task + "应于 " + due + " 前" + what + "，现已逾期。";
			sent += inbox.notifyUnit(unit, topic, title + "已逾期", body, link, key + "-red") ? 1 : 0;
			sent += inbox.notifyUnit(LEADERS, topic, title + "已逾期（督办）", body + "责任单位：" + unit + "。", link,
					key + "-red-leaders") ? 1 : 0;
		}
		return sent;
	}
}
