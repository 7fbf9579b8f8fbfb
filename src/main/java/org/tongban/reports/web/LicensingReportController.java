package org.tongban.reports.web;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.tongban.reports.LicensingPdf;
import org.tongban.reports.LicensingReport;
import org.tongban.reports.LicensingWorkbook;
import org.tongban.reports.ReportAccess;

/** The annual licensing report: its page with the table, and the xlsx and PDF downloads. Staff only. */
@Controller
@PreAuthorize(ReportAccess.READ)
class LicensingReportController {

	static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

	private final LicensingReport report;
	private final LicensingWorkbook workbook;
	private final LicensingPdf pdf;
	private final Clock clock;

	LicensingReportController(LicensingReport report, LicensingWorkbook workbook, LicensingPdf pdf, Clock clock) {
		this.report = report;
		this.workbook = workbook;
		this.pdf = pdf;
		this.clock = clock;
	}

	@GetMapping("/reports/licensing")
	String page(@RequestParam(required = false) Integer year, Model model) {
		int current = LocalDate.now(clock.withZone(ZoneId.of("Asia/Shanghai"))).getYear();
		int chosen = year == null ? current : year;
		var data = report.year(chosen);
		model.addAttribute("lines", data.lines().stream().map(l -> new PageLine(l.itemCode(), l.itemName(),
				l.situationName(), texts(l.figures()))).toList());
		model.addAttribute("totals", texts(data.totals()));
		// the year at a glance before the 22-column table: the headline figures and the PDF's charts
		model.addAttribute("summary", LicensingReport.COLUMNS.stream().filter(c -> SUMMARY.contains(c.header()))
				.map(c -> new Figure(c.header(), LicensingReport.text(c, data.totals()))).toList());
		model.addAttribute("charts", data.lines().isEmpty() ? null : org.tongban.reports.LicensingCharts.of(data));
		model.addAttribute("year", chosen);
		model.addAttribute("reportTitle", LicensingReport.title(chosen));
		model.addAttribute("columns", LicensingReport.COLUMNS);
		model.addAttribute("years", java.util.stream.IntStream
				.iterate(current + 1, y -> y >= LicensingReport.FIRST_YEAR, y -> y - 1).boxed().toList());
		return "reports/licensing";
	}

	/** The headline figures of the year, by their column headers. */
	static final java.util.Set<String> SUMMARY = java.util.Set.of("申请件数", "受理件数（含视为受理）", "准予许可", "不予许可",
			"不予受理", "在办件数", "告知承诺占比", "平均办理工作日", "超期件数");

	/** One headline figure as shown. */
	record Figure(String label, String value) {
	}

	/** A table row as shown: the figures already formatted. */
	record PageLine(String itemCode, String itemName, String situationName, java.util.List<String> values) {
	}

	private static java.util.List<String> texts(org.tongban.cases.CaseStatistics.Figures f) {
		return LicensingReport.COLUMNS.stream().map(c -> LicensingReport.text(c, f)).toList();
	}

	@GetMapping("/api/reports/licensing/{year}.xlsx")
	ResponseEntity<byte[]> xlsx(@PathVariable int year) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		workbook.write(year, out);
		return download(out.toByteArray(), XLSX, year + "年度行政许可实施情况报告.xlsx", "licensing-" + year + ".xlsx");
	}

	@GetMapping("/api/reports/licensing/{year}.pdf")
	ResponseEntity<byte[]> pdf(@PathVariable int year) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		pdf.write(year, out);
		return download(out.toByteArray(), MediaType.APPLICATION_PDF, year + "年度行政许可实施情况报告.pdf",
				"licensing-" + year + ".pdf");
	}

	private static ResponseEntity<byte[]> download(byte[] body, MediaType type, String filename, String fallback) {
		return ResponseEntity.ok().contentType(type)
				.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
						.filename(filename, StandardCharsets.UTF_8).build().toString())
				.header("X-Content-Type-Options", "nosniff")
				.body(body);
	}
}
