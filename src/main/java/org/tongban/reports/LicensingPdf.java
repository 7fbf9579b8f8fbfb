package org.tongban.reports;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.EnumSet;
import java.util.List;

import org.springframework.stereotype.Service;
import org.tongban.cases.CaseStatistics;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FSFontUseCase;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer;

import static org.tongban.reports.Charts.escape;

/**
 * The report as a PDF: the totals, charts drawn as inline SVG (outcomes per item and situation, channel,
 * notice-commitment) and the per-item table, laid out as XHTML and rendered by openhtmltopdf with Noto Sans SC
 * embedded (subset) so that the Chinese text is in the file, not looked up on the reader's machine.
 */
@Service
public class LicensingPdf {

	private static final String REGULAR = "fonts/ttf/NotoSansSC/NotoSansSC-Regular.ttf";
	private static final String BOLD = "fonts/ttf/NotoSansSC/NotoSansSC-Bold.ttf";

	private final LicensingReport report;
	private final Clock clock;
	private volatile byte[] regular;
	private volatile byte[] bold;

	LicensingPdf(LicensingReport report, Clock clock) {
		this.report = report;
		this.clock = clock;
	}

	public void write(int year, OutputStream out) {
		String html = html(report.year(year));
		try {
			PdfRendererBuilder builder = new PdfRendererBuilder();
			builder.useFastMode();
			builder.useSVGDrawer(new BatikSVGDrawer());
			builder.useFont(() -> stream(false), Charts.FONT, 400, FontStyle.NORMAL, true,
					EnumSet.of(FSFontUseCase.DOCUMENT, FSFontUseCase.SVG, FSFontUseCase.FALLBACK_FINAL));
			builder.useFont(() -> stream(true), Charts.FONT, 700, FontStyle.NORMAL, true,
					EnumSet.of(FSFontUseCase.DOCUMENT, FSFontUseCase.SVG));
			builder.withHtmlContent(html, null);
			builder.toStream(out);
			builder.run();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	String html(CaseStatistics.Year data) {
		CaseStatistics.Figures t = data.totals();
		StringBuilder h = new StringBuilder(16_384);
		String title = LicensingReport.title(data.year());
		h.append("<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"zh-CN\"><head><meta charset=\"UTF-8\"/><title>")
				.append(escape(title)).append("</title><style>")
				.append("@page { size: A4 landscape; margin: 14mm 12mm; @bottom-center { content: '第 ' counter(page) ' 页，共 ' counter(pages) ' 页'; font-family: '")
				.append(Charts.FONT).append("'; font-size: 8pt; } }")
				.append("body { font-family: '").append(Charts.FONT).append("'; font-size: 9pt; color: #111827; }")
				.append("h1 { font-size: 18pt; margin: 0 0 4pt 0; } h2 { font-size: 12pt; margin: 12pt 0 4pt 0; }")
				.append("table { border-collapse: collapse; width: 100%; -fs-table-paginate: paginate; }")
				.append("th, td { border: 0.5pt solid #9ca3af; padding: 2pt 3pt; }")
				.append("th { background: #e5e7eb; font-weight: bold; } td.n { text-align: right; }")
				.append("table.items { font-size: 6.5pt; } .muted { color: #4b5563; font-size: 8pt; }")
				.append(".charts td { border: none; vertical-align: top; }")
				.append("</style></head><body>");
		h.append("<h1>").append(escape(title)).append("</h1>");
		h.append("<p class=\"muted\">统计口径：").append(data.year())
				.append(" 年内（北京时间）提交的行政许可事项办件。办理工作日为受理之日至决定之日的工作日数，扣除专家评审、现场核查暂停计时的工作日；")
				.append("超期指在承诺期限后作出决定，或至今仍在办且已过承诺期限。生成时间：")
				.append(LocalDateTime.now(clock).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"))).append("</p>");

		h.append("<h2>一、总体情况</h2><table><thead><tr>");
		List<LicensingReport.Column> headline = LicensingReport.COLUMNS;
		int half = (headline.size() + 1) / 2;
		for (int part = 0; part < 2; part++) {
			if (part == 1) {
				h.append("<tr>");
			}
			for (LicensingReport.Column c : headline.subList(part * half, Math.min(headline.size(), (part + 1) * half))) {
				h.append("<th>").append(escape(c.header())).append("</th>");
			}
			h.append("</tr>");
			if (part == 0) {
				h.append("</thead><tbody>");
			}
			h.append("<tr>");
			for (LicensingReport.Column c : headline.subList(part * half, Math.min(headline.size(), (part + 1) * half))) {
				h.append("<td class=\"n\">").append(escape(LicensingReport.text(c, t))).append("</td>");
			}
			h.append("</tr>");
		}
		h.append("</tbody></table>");

		h.append("<h2>二、图表</h2>");
		LicensingCharts charts = LicensingCharts.of(data);
		h.append(charts.outcomes());
		h.append("<table class=\"charts\"><tr><td>").append(charts.channels()).append("</td><td>")
				.append(charts.commitment()).append("</td></tr></table>");

		h.append("<h2>三、分事项统计</h2>");
		if (data.lines().isEmpty()) {
			h.append("<p>").append(data.year()).append(" 年没有行政许可事项的办件。</p>");
		}
		else {
			h.append("<table class=\"items\"><thead><tr>");
			for (String k : LicensingWorkbook.KEY_HEADERS) {
				if (!k.endsWith("编码")) {
					h.append("<th>").append(escape(k)).append("</th>");
				}
			}
			for (LicensingReport.Column c : LicensingReport.COLUMNS) {
				h.append("<th>").append(escape(c.header())).append("</th>");
			}
			h.append("</tr></thead><tbody>");
			for (CaseStatistics.Line line : data.lines()) {
				h.append("<tr><td>").append(escape(line.itemName())).append("<br/>").append(escape(line.itemCode()))
						.append("</td><td>").append(escape(line.situationName())).append("</td>");
				for (LicensingReport.Column c : LicensingReport.COLUMNS) {
					h.append("<td class=\"n\">").append(escape(LicensingReport.text(c, line.figures()))).append("</td>");
				}
				h.append("</tr>");
			}
			h.append("</tbody></table>");
		}
		h.append("</body></html>");
		return h.toString();
	}

	private InputStream stream(boolean boldFace) {
		byte[] font = boldFace ? bold : regular;
		if (font == null) {
			font = load(boldFace ? BOLD : REGULAR);
			if (boldFace) {
				bold = font;
			}
			else {
				regular = font;
			}
		}
		return new ByteArrayInputStream(font);
	}

	private static byte[] load(String resource) {
		try (InputStream in = LicensingPdf.class.getClassLoader().getResourceAsStream(resource)) {
			if (in == null) {
				throw new IllegalStateException("font missing from the classpath: " + resource);
			}
			return in.readAllBytes();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
