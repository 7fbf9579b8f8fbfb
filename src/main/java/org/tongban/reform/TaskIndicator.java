package org.tongban.reform;

import java.math.BigDecimal;
import java.time.Instant;

/** A figure measured for a task by the module doing the work (see {@link org.tongban.shared.TaskIndicatorReported}). */
public record TaskIndicator(int taskNo, String key, String label, BigDecimal value, String unit, String basis,
		Instant measuredAt) {

	/** The figure with its unit, or that there is nothing to measure yet. */
	public String display() {
		return value == null ? "尚无数据" : value.stripTrailingZeros().toPlainString() + " " + unit;
	}
}
