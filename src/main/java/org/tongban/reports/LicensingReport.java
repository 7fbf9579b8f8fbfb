package org.tongban.reports;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Function;

import org.springframework.stereotype.Service;
import org.tongban.cases.CaseStatistics;
import org.tongban.catalogue.Catalogue;
import org.tongban.catalogue.ItemType;
import org.tongban.catalogue.ServiceItemSummary;
import org.tongban.shared.Problem;

/**
 * The annual licensing report (年度行政许可实施情况报告): the cases of the licensing items submitted in a year,
 * per item and situation, from {@link CaseStatistics}. The columns are defined once here so that the page, the
 * workbook and the PDF show the same figures under the same headings.
 */
@Service
public class LicensingReport {

	public static final int FIRST_YEAR = 2000;

	/** How a column's value is written: a count, a share (0..1), or a number with decimals. */
	public enum Kind {
		COUNT, SHARE, DECIMAL, TEXT
	}

	/** A figure of a line; {@code value} may be null (no cases to compute it from). */
	public record Column(String header, Kind kind, Function<CaseStatistics.Figures, Object> value) {
	}

	public static final List<Column> COLUMNS = List.of(
			new Column("申请件数", Kind.COUNT, CaseStatistics.Figures::submitted),
			new Column("受理件数（含视为受理）", Kind.COUNT, CaseStatistics.Figures::accepted),
			new Column("其中视为受理", Kind.COUNT, CaseStatistics.Figures::deemedAccepted),
			new Column("不予受理", Kind.COUNT, CaseStatistics.Figures::refused),
			new Column("准予许可", Kind.COUNT, CaseStatistics.Figures::granted),
			new Column("不予许可", Kind.COUNT, CaseStatistics.Figures::denied),
			new Column("申请人撤回", Kind.COUNT, CaseStatistics.Figures::withdrawn),
			new Column("其中撤销许可", Kind.COUNT, CaseStatistics.Figures::revoked),
			new Column("在办件数", Kind.COUNT, CaseStatistics.Figures::open),
			new Column("告知承诺件数", Kind.COUNT, CaseStatistics.Figures::noticeCommitment),
			new Column("告知承诺占比", Kind.SHARE, CaseStatistics.Figures::noticeCommitmentShare),
			new Column("网上办理", Kind.COUNT, CaseStatistics.Figures::online),
			new Column("窗口办理", Kind.COUNT, CaseStatistics.Figures::window),
			new Column("计时办结件数", Kind.COUNT, CaseStatistics.Figures::measured),
			new Column("平均办理工作日", Kind.DECIMAL, CaseStatistics.Figures::averageWorkingDays),
			new Column("办理工作日P90", Kind.COUNT, CaseStatistics.Figures::p90WorkingDays),
			new Column("承诺时限（工作日）", Kind.TEXT, LicensingReport::promisedDays),
			new Column("超期件数", Kind.COUNT, CaseStatistics.Figures::overdue),
			new Column("补正次数合计", Kind.COUNT, CaseStatistics.Figures::corrections),
			new Column("件均补正次数", Kind.DECIMAL, CaseStatistics.Figures::averageCorrections));

	private final CaseStatistics statistics;
	private final Catalogue catalogue;
	private final Clock clock;

	LicensingReport(CaseStatistics statistics, Catalogue catalogue, Clock clock) {
		this.statistics = statistics;
		this.catalogue = catalogue;
		this.clock = clock;
	}

	/** The year's figures for the licensing items; 400 in Chinese for a year before 2000 or after next year. */
	public CaseStatistics.Year year(int year) {
		int last = LocalDate.now(clock.withZone(ZoneId.of("Asia/Shanghai"))).getYear() + 1;
		if (year < FIRST_YEAR || year > last) {
			throw Problem.invalid("year", "年度应在 " + FIRST_YEAR + " 年至 " + last + " 年之间，" + year + " 年不在统计范围内。");
		}
		List<String> licensing = catalogue.items(ItemType.LICENSING, null, null).stream()
				.map(ServiceItemSummary::code).toList();
		return statistics.year(year, licensing);
	}

	/** The report's title for a year. */
	public static String title(int year) {
		return year + " 年度行政许可实施情况报告";
	}

	/** "15", "10–15" when the promised limit changed during the year, or null without limits. */
	static Object promisedDays(CaseStatistics.Figures f) {
		if (f.promisedDaysMin() == null) {
			return null;
		}
		return f.promisedDaysMin().equals(f.promisedDaysMax()) ? String.valueOf(f.promisedDaysMin())
				: f.promisedDaysMin() + "–" + f.promisedDaysMax();
	}

	/** A value as the page and the PDF show it. */
	public static String text(Column column, CaseStatistics.Figures f) {
		Object v = column.value().apply(f);
		if (v == null) {
			return "—";
		}
		return switch (column.kind()) {
			case SHARE -> String.format("%.1f%%", ((Number) v).doubleValue() * 100);
			case DECIMAL -> String.format("%.2f", ((Number) v).doubleValue());
			default -> v.toString();
		};
	}
}
