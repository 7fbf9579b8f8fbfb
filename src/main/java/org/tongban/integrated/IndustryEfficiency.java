package org.tongban.integrated;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.tongban.shared.TaskIndicatorReported;
import org.tongban.shared.WorkingDayCalendar;

/**
 * 一业一证 efficiency per industry for the reform cockpit (task 10: 改进“一业一证”线上申报功能): for an industry the
 * commission leads, the working days from an integrated application's submission to its integrated licence; for one it
 * cooperates in, from the lead authority handing the commission its part to the commission's last decision on it. Counted
 * on the statutory calendar between the two dates in Shanghai (the day of submission not counted, as time limits
 * count), over every such application so far; measured again whenever one completes and published as
 * {@link TaskIndicatorReported} in the completing transaction.
 */
@Component
class IndustryEfficiency {

	static final int TASK = 10;

	private static final Logger log = LoggerFactory.getLogger(IndustryEfficiency.class);

	private final JdbcClient jdbc;
	private final WorkingDayCalendar calendar;
	private final IndustryPackages packages;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	IndustryEfficiency(JdbcClient jdbc, WorkingDayCalendar calendar, IndustryPackages packages,
			ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.calendar = calendar;
		this.packages = packages;
		this.events = events;
		this.clock = clock;
	}

	record Span(Instant from, Instant to) {
	}

	/** Measures the industry's figure and publishes it; a figure that cannot be counted is logged, never thrown. */
	void measure(String packageCode) {
		IndustryPackage pkg = packages.published(packageCode).orElse(null);
		if (pkg == null) {
			return;
		}
		try {
			events.publishEvent(indicator(pkg, days(pkg)));
		}
		catch (RuntimeException ex) {
			log.warn("一业一证 figure of {} not measured: {}", packageCode, ex.getMessage());
		}
	}

	/** The working days of every completed application of the industry, ascending. */
	int[] days(IndustryPackage pkg) {
		List<Span> spans = lead(pkg) ? jdbc.sql("""
				SELECT submitted_at, done_at FROM integrated_application
				WHERE package_code = ? AND kind = 'NEW' AND status = 'DONE'""").param(pkg.code())
			.query((rs, i) -> new Span(rs.getTimestamp(1).toInstant(), rs.getTimestamp(2).toInstant())).list()
				: jdbc.sql("""
						SELECT min(p.received_at), max(r.decided_at) FROM integrated_partner_part p
						LEFT JOIN integrated_partner_result r ON r.part_id = p.id
						WHERE p.package_code = ? GROUP BY p.reference HAVING count(r.id) = count(*)""").param(pkg.code())
					.query((rs, i) -> new Span(rs.getTimestamp(1).toInstant(), rs.getTimestamp(2).toInstant())).list();
		return spans.stream().mapToInt(s -> calendar.workingDaysBetween(date(s.from()), date(s.to()))).sorted().toArray();
	}

	private static boolean lead(IndustryPackage pkg) {
		return pkg.role() == IndustryPackage.Role.LEAD;
	}

	TaskIndicatorReported indicator(IndustryPackage pkg, int[] days) {
		boolean lead = lead(pkg);
		String label = lead ? pkg.name() + "：自提交综合申请至核发行业综合许可证（中位数）"
				: pkg.name() + "（配合）：本委部分自牵头部门转来至全部作出决定（中位数）";
		String what = lead ? "已发证" : "已办结";
		BigDecimal median = null;
		String basis = "尚无" + what + "的申请";
		if (days.length > 0) {
			int n = days.length;
			median = n % 2 == 1 ? BigDecimal.valueOf(days[n / 2])
					: BigDecimal.valueOf(days[n / 2 - 1] + days[n / 2]).divide(BigDecimal.valueOf(2), 1, RoundingMode.HALF_UP);
			BigDecimal mean = BigDecimal.valueOf(java.util.Arrays.stream(days).sum())
				.divide(BigDecimal.valueOf(n), 1, RoundingMode.HALF_UP);
			basis = what + " " + n + " 件；平均 " + mean.stripTrailingZeros().toPlainString() + "，最短 " + days[0]
					+ "，最长 " + days[n - 1] + " 个工作日（按法定工作日历，提交当日不计）";
		}
		return new TaskIndicatorReported(TASK, "integrated." + pkg.code() + ".working-days", label, median, "个工作日",
				basis, clock.instant());
	}

	private static LocalDate date(Instant at) {
		return LocalDate.ofInstant(at, SubCaseProgress.SHANGHAI);
	}
}
