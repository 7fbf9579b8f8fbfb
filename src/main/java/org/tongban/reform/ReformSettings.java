package org.tongban.reform;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The cockpit's settings.
 *
 * @param warningWorkingDays a task is "due soon" when its deadline is this many working days away or fewer
 * @param planYear the year "全年" and "N月" deadlines of an imported table refer to
 * @param warningCron when the daily warning job runs (Asia/Shanghai)
 */
@ConfigurationProperties("tongban.reform")
record ReformSettings(@DefaultValue("10") int warningWorkingDays, @DefaultValue("2024") int planYear,
		@DefaultValue("0 30 8 * * *") String warningCron) {
}
