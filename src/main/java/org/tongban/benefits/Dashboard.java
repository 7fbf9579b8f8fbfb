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

/** Staff figures per programme: offers by status, by street/town and age band, this year; also as xlsx. */
@Service
class Dashboard {

	record Line(String street, String ageBand, long offered, long notified, long booked, long served, long declined) {
	}

	record Figures(Programme programme, int ruleVersion, int cycle, long offered, long pending, long notified, long booked,
			long served, long declined, long expired, List<Line> lines) {
	}

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
		return new Figures(p, programmes.current(p.code()).version(), cycle, s[0], s[1], s[2], s[3], s[4], s[5], s[6], lines);
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
			}
			book.write(out);
			return out.toByteArray();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
