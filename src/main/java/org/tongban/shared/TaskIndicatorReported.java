package org.tongban.shared;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A figure a module measures for one of the reform plan's tasks — 一业一证's working days from submission to the
 * integrated licence for task 10, say. The reform cockpit keeps the latest figure per task and key and shows it beside
 * the task's reported progress, so leaders see what the work achieved and not only what divisions wrote.
 *
 * @param taskNumber the task in the 2024 plan (1–65)
 * @param key        what is measured, stable across reports (e.g. {@code integrated.DENTAL_CLINIC.working-days})
 * @param label      the figure's name in Chinese, as the cockpit shows it
 * @param value      the figure, or null while there is nothing to measure yet
 * @param unit       its unit in Chinese (个工作日, 人, %)
 * @param basis      how it was counted and over what, in Chinese (e.g. "已发证 3 件的中位数，平均 11.3")
 * @param measuredAt when it was measured (the product's clock); an older report never replaces a newer one
 */
public record TaskIndicatorReported(int taskNumber, String key, String label, BigDecimal value, String unit,
		String basis, Instant measuredAt) {
}
