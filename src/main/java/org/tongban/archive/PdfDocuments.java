package org.tongban.archive;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;



import org.springframework.stereotype.Component;

/**
 * Renders the notices, decisions and the case summary of a package as PDF/A-style documents with the Noto
 * Sans SC font embedded (subset). Reproducible: the document id is derived from the content and no creation
 * date is written, so the same case renders to the same bytes.
 */
@Component
class PdfDocuments {

	static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
	static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm").withZone(ZONE);
	static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");
	private static final String FAMILY = org.tongban.shared.HtmlPdf.FAMILY;


	/** Shared by every instance, like the font file it reads. */
	private static final org.tongban.shared.HtmlPdf PDF = new org.tongban.shared.HtmlPdf();


	/** A titled document: a heading, labelled rows, and paragraphs. */
	record Doc(String title, List<Map.Entry<String, String>> rows, List<String> paragraphs) {
	}

	/** The footer of the archival copy in a package. */
	static final String ARCHIVAL = "电子档案归档件 · 通办政务服务平台";

	/** The footer of the copy the applicant is given. */
	static final String APPLICANT_COPY = "申请人留存件 · 通办政务服务平台";

	/** Renders the archival copy of a document dated {@code date} (the case's completion: the same for every rebuild). */
	byte[] render(Doc doc, Instant date) {
		return render(doc, date, ARCHIVAL);
	}

	/** Renders a document dated {@code date} with the footer that says which copy it is. */
	byte[] render(Doc doc, Instant date, String footer) {
		return PDF.render(html(doc, footer), "Tongban archive", date, null);
	}

	static String html(Doc doc, String footer) {
		StringBuilder b = new StringBuilder();
		b.append("<!DOCTYPE html><html><head><meta charset=\"UTF-8\"/><title>").append(esc(doc.title()))
			.append("</title><style>@page{size:A4;margin:20mm}body{font-family:'").append(FAMILY)
			.append("';font-size:11pt;line-height:1.6}h1{font-size:18pt;text-align:center;margin-bottom:12mm}")
			.append("table{width:100%;border-collapse:collapse}th,td{border:1px solid #888;padding:2mm;text-align:left;")
			.append("vertical-align:top}th{width:32%;background:#eee;font-weight:normal}p{margin:3mm 0}")
			.append(".foot{margin-top:12mm;text-align:right}</style></head><body>");
		b.append("<div class=\"org\">上海市浦东新区卫生健康委员会</div>");
		b.append("<h1>").append(esc(doc.title())).append("</h1><table>");
		for (Map.Entry<String, String> row : doc.rows()) {
			b.append("<tr><th>").append(esc(row.getKey())).append("</th><td>")
				.append(esc(row.getValue() == null ? "—" : row.getValue())).append("</td></tr>");
		}
		b.append("</table>");
		for (String p : doc.paragraphs()) {
			b.append("<p>").append(esc(p)).append("</p>");
		}
		b.append("<div class=\"foot\">").append(esc(footer)).append("</div></body></html>");
		return b.toString();
	}

	static String time(Instant at) {
		return at == null ? null : TIME.format(at);
	}

	static String esc(String s) {
		return org.tongban.shared.Xhtml.text(s);
	}

}
