package org.tongban.reports;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.Map;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.stereotype.Service;
import org.tongban.cases.CaseStatistics;

/**
 * The report as a workbook: 汇总 (the year's totals, one figure a row) and 分事项统计 (one row per item and
 * situation with every figure, then 合计). Header rows are frozen; counts, shares and averages carry number
 * formats so that they stay numbers for whoever sums them again.
 */
@Service
public class LicensingWorkbook {

	public static final String SUMMARY = "汇总";
	public static final String PER_ITEM = "分事项统计";
	public static final String[] KEY_HEADERS = {"事项编码", "事项名称", "情形编码", "办理情形"};

	private final LicensingReport report;
	private final Clock clock;

	LicensingWorkbook(LicensingReport report, Clock clock) {
		this.report = report;
		this.clock = clock;
	}

	public void write(int year, OutputStream out) {
		CaseStatistics.Year data = report.year(year);
		try (XSSFWorkbook wb = new XSSFWorkbook()) {
			Styles styles = new Styles(wb);
			summary(wb.createSheet(SUMMARY), data, styles);
			perItem(wb.createSheet(PER_ITEM), data, styles);
			wb.write(out);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private void summary(Sheet sheet, CaseStatistics.Year data, Styles styles) {
		Row title = sheet.createRow(0);
		text(title, 0, LicensingReport.title(data.year()), styles.title);
		sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, 1));
		Row header = sheet.createRow(1);
		text(header, 0, "指标", styles.header);
		text(header, 1, "数值", styles.header);
		int r = 2;
		for (LicensingReport.Column column : LicensingReport.COLUMNS) {
			Row row = sheet.createRow(r++);
			text(row, 0, column.header(), null);
			value(row, 1, column, data.totals(), styles);
		}
		Row items = sheet.createRow(r++);
		text(items, 0, "涉及事项情形数", null);
		number(items, 1, data.lines().size(), styles.kinds.get(LicensingReport.Kind.COUNT));
		r++;
		text(sheet.createRow(r++), 0, "统计口径：" + data.year() + " 年内（北京时间）提交的行政许可事项办件；"
				+ "办理工作日为受理之日至决定之日的工作日数，扣除专家评审、现场核查暂停计时的工作日。", null);
		text(sheet.createRow(r), 0, "生成时间：" + LocalDateTime.now(clock).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")),
				null);
		sheet.createFreezePane(0, 2);
		sheet.setColumnWidth(0, 28 * 256);
		sheet.setColumnWidth(1, 14 * 256);
	}

	private void perItem(Sheet sheet, CaseStatistics.Year data, Styles styles) {
		Row header = sheet.createRow(0);
		int c = 0;
		for (String h : KEY_HEADERS) {
			text(header, c++, h, styles.header);
		}
		for (LicensingReport.Column column : LicensingReport.COLUMNS) {
			text(header, c++, column.header(), styles.header);
		}
		int r = 1;
		for (CaseStatistics.Line line : data.lines()) {
			Row row = sheet.createRow(r++);
			text(row, 0, line.itemCode(), null);
			text(row, 1, line.itemName(), null);
			text(row, 2, line.situation(), null);
			text(row, 3, line.situationName(), null);
			figures(row, line.figures(), styles);
		}
		Row total = sheet.createRow(r);
		text(total, 0, "合计", styles.header);
		figures(total, data.totals(), styles);
		sheet.createFreezePane(2, 1);
		sheet.setAutoFilter(new CellRangeAddress(0, Math.max(0, r - 1), 0, c - 1));
		int[] widths = {16, 36, 14, 22};
		for (int i = 0; i < c; i++) {
			sheet.setColumnWidth(i, (i < widths.length ? widths[i] : 12) * 256);
		}
	}

	private static void figures(Row row, CaseStatistics.Figures f, Styles styles) {
		int c = KEY_HEADERS.length;
		for (LicensingReport.Column column : LicensingReport.COLUMNS) {
			value(row, c++, column, f, styles);
		}
	}

	private static void value(Row row, int c, LicensingReport.Column column, CaseStatistics.Figures f, Styles styles) {
		Object v = column.value().apply(f);
		if (v == null) {
			row.createCell(c);
		}
		else if (v instanceof Number n) {
			number(row, c, n.doubleValue(), styles.kinds.get(column.kind()));
		}
		else {
			text(row, c, v.toString(), styles.kinds.get(LicensingReport.Kind.TEXT));
		}
	}

	private static void number(Row row, int c, double value, CellStyle style) {
		Cell cell = row.createCell(c);
		cell.setCellValue(value);
		cell.setCellStyle(style);
	}

	private static void text(Row row, int c, String value, CellStyle style) {
		Cell cell = row.createCell(c);
		cell.setCellValue(value);
		if (style != null) {
			cell.setCellStyle(style);
		}
	}

	private static final class Styles {
		final CellStyle title;
		final CellStyle header;
		final Map<LicensingReport.Kind, CellStyle> kinds = new EnumMap<>(LicensingReport.Kind.class);

		Styles(XSSFWorkbook wb) {
			Font bold = wb.createFont();
			bold.setBold(true);
			Font big = wb.createFont();
			big.setBold(true);
			big.setFontHeightInPoints((short) 14);
			title = wb.createCellStyle();
			title.setFont(big);
			header = wb.createCellStyle();
			header.setFont(bold);
			header.setWrapText(true);
			header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
			header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
			var format = wb.createDataFormat();
			for (LicensingReport.Kind kind : LicensingReport.Kind.values()) {
				CellStyle style = wb.createCellStyle();
				style.setDataFormat(format.getFormat(switch (kind) {
					case COUNT -> "0";
					case SHARE -> "0.0%";
					case DECIMAL -> "0.00";
					case TEXT -> "@";
				}));
				kinds.put(kind, style);
			}
		}
	}
}
