package org.tongban.reform;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.tongban.shared.FieldMessage;
import org.tongban.shared.Problem;

/**
 * A reform task with its current state. Org units are identity's unit codes. The state changes only
 * through {@link #report}, which enforces the reporting rules, so no caller can store 已完成 at 60%.
 */
public record ReformTask(int no, String part, String partTitle, int group, String groupTitle, String content,
		List<String> leadUnits, List<String> cooperatingUnits, List<String> relatedUnits, LocalDate deadline,
		String deadlineText, String remarks, TaskStatus status, int progress, Instant lastReportAt, int version) {

	public boolean isLedBy(String unitCode) {
		return unitCode != null && leadUnits.contains(unitCode);
	}

	public boolean hasCooperating(String unitCode) {
		return unitCode != null && cooperatingUnits.contains(unitCode);
	}

	/** Past its deadline and not done: a deadline is met until the end of its day. */
	public boolean isOverdue(LocalDate today) {
		return status != TaskStatus.COMPLETED && deadline.isBefore(today);
	}

	/**
	 * The task after a lead division's report. Progress is 0–100, 已完成 needs 100%, 未启动 needs 0%, and
	 * progress may fall below the last report only with a reason (a scope change, a setback), so that
	 * the leaders' figures never shrink unexplained.
	 */
	public ReformTask report(Integer newProgress, TaskStatus newStatus, String reason, Instant at) {
		List<FieldMessage> errors = new ArrayList<>();
		if (newProgress == null) {
			errors.add(new FieldMessage("progress", "请填写进度（0–100）"));
		}
		else if (newProgress < 0 || newProgress > 100) {
			errors.add(new FieldMessage("progress", "进度应在 0 到 100 之间"));
		}
		if (newStatus == null) {
			errors.add(new FieldMessage("status", "请选择任务状态"));
		}
		if (errors.isEmpty()) {
			if (newStatus == TaskStatus.COMPLETED && newProgress != 100) {
				errors.add(new FieldMessage("progress", "标记为“已完成”时进度须为 100%"));
			}
			if (newStatus == TaskStatus.NOT_STARTED && newProgress != 0) {
				errors.add(new FieldMessage("status", "进度大于 0 时状态不能为“未启动”"));
			}
			if (newProgress < progress && (reason == null || reason.isBlank())) {
				errors.add(new FieldMessage("reason", "进度低于上次报告的 " + progress + "%，请说明原因"));
			}
		}
		if (!errors.isEmpty()) {
			throw Problem.invalid(errors);
		}
		return new ReformTask(no, part, partTitle, group, groupTitle, content, leadUnits, cooperatingUnits,
				relatedUnits, deadline, deadlineText, remarks, newStatus, newProgress, at, version);
	}
}
