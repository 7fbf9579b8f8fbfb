package org.tongban.reform;

import java.time.LocalDate;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.stereotype.Component;
import org.tongban.notification.Inbox;

/**
 * Tells lead divisions about tasks that are overdue or due soon. Each warning carries a key made of
 * task, kind, deadline and division, so the daily run tells a division once; a new deadline (after a
 * re-import) is a new warning.
 */
@Component
class ReformWarnings {

	static final String CATEGORY = "REFORM_WARNING";

	private static final Log log = LogFactory.getLog(ReformWarnings.class);

	private final ReformTasks tasks;
	private final ReformCockpit cockpit;
	private final ReformSettings settings;
	private final Inbox inbox;

	ReformWarnings(ReformTasks tasks, ReformCockpit cockpit, ReformSettings settings,
			Inbox inbox) {
		this.tasks = tasks;
		this.cockpit = cockpit;
		this.settings = settings;
		this.inbox = inbox;
	}

	/** Raises the warnings due on {@code today}; returns how many notifications were new. */
	int raise(LocalDate today) {
		int sent = 0;
		for (ReformTask t : tasks.overdue(today)) {
			sent += notifyLeads(t, "OVERDUE", "改革任务已逾期：（" + t.no() + "）" + shorten(t.content()),
					"任务（" + t.no() + "）的时间节点为 " + t.deadline() + "，目前状态为“" + t.status().label() + "”，进度 "
							+ t.progress() + "%。请尽快推进并报送进展；如需延期，请在报送时说明原因。");
		}
		for (ReformTask t : cockpit.dueSoon(today)) {
			int left = cockpit.workingDaysLeft(today, t.deadline()).orElseThrow();
			sent += notifyLeads(t, "DUE_SOON", "改革任务即将到期：（" + t.no() + "）" + shorten(t.content()),
					"任务（" + t.no() + "）的时间节点为 " + t.deadline() + "，距今还有 " + left + " 个工作日（预警阈值 "
							+ settings.warningWorkingDays() + " 个工作日），目前进度 " + t.progress() + "%。");
		}
		log.info("Reform warnings for " + today + ": " + sent + " new notifications");
		return sent;
	}

	private int notifyLeads(ReformTask t, String kind, String title, String body) {
		int sent = 0;
		for (String unit : t.leadUnits()) {
			String key = "reform:" + kind + ":" + t.no() + ":" + t.deadline() + ":" + unit;
			if (inbox.notifyUnit(unit, CATEGORY, title, body, "/reform/tasks/" + t.no(), key)) {
				sent++;
			}
		}
		return sent;
	}

	private static String shorten(String text) {
		return text.length() <= 30 ? text : text.substring(0, 30) + "…";
	}
}
