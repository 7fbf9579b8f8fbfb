package org.tongban.benefits;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Staff figures per programme: offers by status, by street/town and age band, this year, and the weekly trend of the
 * last twelve weeks (made, booked, served); also as xlsx.
 */
@Service
class Dashboard {

	record Line(String street, String ageBand, long offered, long notified, long booked, long served, long declined) {
	}

	/** One week (Monday to Sunday): offers made, places booked and services done in it. */
	record Week(LocalDate monday, long created, long booked, long served) {
	}

	record Figures(Programme programme, int ruleVersion, int cycle, long offered, long pending, long notified, long booked,
			long served, long declined, long expired, List<Line> lines, List<Week> trend) {
	}

	/** How many weeks the trend covers, this one included. */
	static final int WEEKS = 12;

	private final JdbcClient jdbc;
	private final Programmes programmes;
	private final Clock clock;

	Dashboard(JdbcClient jdbc, Programmes programmes, Clock clock) {
		this.jdbc = jdbc;
		this.programmes = programmes;
		this.clock = clock;
	}

	Figures of(Programme p) {
		int cycle = LocalDate.now(clock).getYear();
		List<Line> lines = jdbc.sql("""
				SELECT street, age_band, count(*) AS offered,
				       count(*) FILTER (WHERE status IN ('NOTIFIED', 'BOOKED', 'SERVED', 'DECLINED')) AS notified,
				       count(*) FILTER (WHERE status IN ('BOOKED', 'SERVED')) AS booked,
				       count(*) FILTER (WHERE status = 'SERVED') AS served,
				       count(*) FILTER (WHERE status = 'DECLINED') AS declined
				FROM benefits_entitlement WHERE programme_code = ? AND cycle = ?
				GROUP BY street, age_band ORDER BY street, age_band
				""")
			.params(p.code(), cycle)
			.query((rs, i) -> new Line(rs.getString("street"), rs.getString("age_band"), rs.getLong("offered"),
					rs.getLong("notified"), rs.getLong("booked"), rs.getLong("served"), rs.getLong("declined")))
			.list();
		long[] s = jdbc.sql("""
				SELECT count(*), count(*) FILTER (WHERE status = 'PENDING'), count(*) FILTER (WHERE status = 'NOTIFIED'),
				       count(*) FILTER (WHERE status = 'BOOKED'), count(*) FILTER (WHERE status = 'SERVED'),
				       count(*) FILTER (WHERE status = 'DECLINED'), count(*) FILTER (WHERE status = 'EXPIRED')
				FROM benefits_entitlement WHERE programme_code = ? AND cycle = ?
				""")
			.params(p.code(), cycle)
			.query((rs, i) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
					rs.getLong(6), rs.getLong(7)})
			.single();
		return new Figures(p, programmes.current(p.code()).version(), cycle, s[0], s[1], s[2], s[3], s[4], s[5], s[6], lines,
				trend(p));
	}

	/**
	 * The last {@link #WEEKS} weeks, oldest first: offers by the day they were made, bookings by the day they were
	 * made (still booked or since served) and services by the day they were done, in the product clock's zone.
	 */
	List<Week> trend(Programme p) {
		LocalDate today = LocalDate.now(clock);
		LocalDate first = today.with(java.time.DayOfWeek.MONDAY).minusWeeks(WEEKS - 1);
		String zone = clock.getZone().getId();
		java.util.Map<LocalDate, long[]> weeks = new java.util.LinkedHashMap<>();
		for (int i = 0; i < WEEKS; i++) {
			weeks.put(first.plusWeeks(i), new long[3]);
		}
		String[] days = {"CAST(created_at AT TIME ZONE :zone AS date)", "CAST(booked_at AT TIME ZONE :zone AS date)", "served_on"};
		String[] filters = {"", " AND status IN ('BOOKED', 'SERVED')", " AND status = 'SERVED'"};
		for (int k = 0; k < days.length; k++) {
			int column = k;
			jdbc.sql("SELECT CAST(date_trunc('week', d) AS date) AS monday, count(*) AS n FROM (SELECT " + days[k]
					+ " AS d FROM benefits_entitlement WHERE programme_code = :p" + filters[k] + ") x "
					+ "WHERE d BETWEEN :first AND :today GROUP BY 1")
				.param("zone", zone).param("p", p.code()).param("first", first).param("today", today)
				.query((rs, i) -> {
					long[] week = weeks.get(rs.getObject("monday", LocalDate.class));
					if (week != null) {
						week[column] = rs.getLong("n");
					}
					return null;
				})
				.list();
		}
		return weeks.entrySet().stream().map(e -> new Week(e.getKey(), e.getValue()[0], e.getValue()[1], e.getValue()[2])).toList();
	}

	byte[] xlsx(List<Figures> all) {
		try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			for (Figures f : all) {
				Sheet sheet = book.createSheet(f.programme().code());
				Row title = sheet.createRow(0);
				title.createCell(0).setCellValue(f.programme().name() + "（" + f.cycle() + " 年，规则第 " + f.ruleVersion() + " 版）");
				Row head = sheet.createRow(1);
				String[] columns = {"街镇", "年龄段", "符合并建档", "已通知", "已预约", "已服务", "已谢绝"};
				for (int c = 0; c < columns.length; c++) {
					head.createCell(c).setCellValue(columns[c]);
				}
				int r = 2;
				for (Line line : f.lines()) {
					Row row = sheet.createRow(r++);
					row.createCell(0).setCellValue(line.street().isEmpty() ? "（不在浦东居住）" : line.street());
					row.createCell(1).setCellValue(line.ageBand());
					row.createCell(2).setCellValue(line.offered());
					row.createCell(3).setCellValue(line.notified());
					row.createCell(4).setCellValue(line.booked());
					row.createCell(5).setCellValue(line.served());
					row.createCell(6).setCellValue(line.declined());
				}
				Row total = sheet.createRow(r);
				total.createCell(0).setCellValue("合计");
				total.createCell(2).setCellValue(f.offered());
				total.createCell(3).setCellValue(f.notified() + f.booked() + f.served() + f.declined());
				total.createCell(4).setCellValue(f.booked() + f.served());
				total.createCell(5).setCellValue(f.served());
				total.createCell(6).setCellValue(f.declined());
				r += 2;
				sheet.createRow(r++).createCell(0).setCellValue("近 " + WEEKS + " 周趋势（按周一所在周）");
				Row weekHead = sheet.createRow(r++);
				String[] weekColumns = {"周（起）", "新建档", "新预约", "已服务"};
				for (int c = 0; c < weekColumns.length; c++) {
					weekHead.createCell(c).setCellValue(weekColumns[c]);
				}
				for (Week w : f.trend()) {
					Row row = sheet.createRow(r++);
					row.createCell(0).setCellValue(w.monday().toString());
					row.createCell(1).setCellValue(w.created());
					row.createCell(2).setCellValue(w.booked());
					row.createCell(3).setCellValue(w.served());
				}
			}
			book.write(out);
			return out.toByteArray();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
