package org.tongban.supervision;

import java.util.List;

import org.springframework.stereotype.Component;
import org.tongban.licences.DocumentSignatures;
import org.tongban.shared.HtmlPdf;
import org.tongban.shared.PublicUrl;
import org.tongban.shared.Xhtml;

/**
 * The 专用信用报告 as an A4 PDF: the record, the conclusion, the commission's seal, and a QR code to the public
 * verification page (number and check code). Dated with the report's issue time, so a report renders to the same
 * bytes every time.
 */
@Component
public class CreditReportPdf {

	private static final HtmlPdf PDF = new HtmlPdf();

	private final DocumentSignatures signatures;
	private final PublicUrl publicUrl;

	CreditReportPdf(DocumentSignatures signatures, PublicUrl publicUrl) {
		this.signatures = signatures;
		this.publicUrl = publicUrl;
	}

	/** The address the QR code opens. */
	public String verifyUrl(CreditReports.Report r) {
		return publicUrl.base() + "/public/credit-reports/" + r.number() + "?c=" + r.checkCode();
	}

	public byte[] render(CreditReports.Report r) {
		return PDF.render(html(r), "Tongban supervision", r.issuedAt(), "专用信用报告 " + r.number());
	}

	String html(CreditReports.Report r) {
		CreditReports.Content c = r.content();
		StringBuilder b = new StringBuilder();
		b.append("<!DOCTYPE html><html><head><meta charset=\"UTF-8\"/><title>专用信用报告</title><style>")
			.append("@page{size:A4;margin:18mm}body{font-family:'").append(HtmlPdf.FAMILY)
			.append("';font-size:10.5pt;line-height:1.55}h1{font-size:20pt;text-align:center;margin:0 0 2mm}")
			.append(".no{text-align:center;margin-bottom:6mm}table{width:100%;border-collapse:collapse;margin:2mm 0 5mm}")
			.append("th,td{border:1px solid #555;padding:2mm;text-align:left;vertical-align:top}")
			.append("th{background:#eee;font-weight:normal}.k{width:24%}.conclusion{border:2px solid #333;padding:3mm;margin:4mm 0}")
			.append(".foot{position:relative;margin-top:8mm;height:42mm}.seal{position:absolute;right:8mm;top:0;width:38mm}")
			.append(".qr{position:absolute;left:0;top:0;width:32mm}.qrnote{position:absolute;left:36mm;top:4mm;width:80mm;font-size:9pt}")
			.append("</style></head><body>");
		b.append("<h1>专用信用报告</h1><div class=\"no\">（卫生健康监督执法领域） 报告编号：").append(t(r.number()))
			.append("　核验码：").append(t(r.checkCode())).append("</div>");
		b.append("<table>");
		row(b, "单位名称", c.entityName());
		row(b, "统一社会信用代码", c.uscc());
		row(b, "行业", c.sectorLabel());
		row(b, "地址", c.address());
		row(b, "报告用途", c.purpose());
		row(b, "报告期", CreditReports.chinese(c.periodFrom()) + " 至 " + CreditReports.chinese(c.periodTo()));
		row(b, "当前分级", "信用等级 " + dash(c.creditGrade()) + "，风险等级 " + dash(c.riskGrade()) + "，综合分类 "
				+ dash(c.combinedClass()));
		b.append("</table>");
		b.append("<div class=\"conclusion\"><strong>结论：</strong>").append(t(c.conclusion())).append("</div>");
		entries(b, "失信及违法违规记录", c.violations());
		entries(b, "守信记录", c.goodRecords());
		b.append("<p style=\"font-size:9pt\">分级理由：");
		c.reasons().forEach(x -> b.append(t(x.aspect())).append("：").append(t(x.text())).append("；"));
		b.append("</p><p style=\"font-size:9pt\">依据：").append(t(c.basis())).append("。本报告仅反映出具机关在报告期内掌握的")
			.append("卫生健康监督执法信息。</p>");
		b.append("<div class=\"foot\"><img class=\"qr\" alt=\"核验二维码\" src=\"").append(signatures.qrDataUri(verifyUrl(r)))
			.append("\"/><div class=\"qrnote\">扫描二维码或访问 ").append(t(publicUrl.base()))
			.append("/public/credit-reports/").append(t(r.number())).append(" 并输入核验码，核验本报告真伪。本报告附 SM2 数字签名（")
			.append(t(signatures.algorithm())).append("）。<br/>出具机关：").append(t(c.authority())).append("<br/>出具日期：")
			.append(CreditReports.chinese(c.issuedOn())).append("</div><img class=\"seal\" alt=\"印章\" src=\"")
			.append(signatures.sealDataUri()).append("\"/></div>");
		b.append("</body></html>");
		return b.toString();
	}

	private static void entries(StringBuilder b, String title, List<CreditReports.Entry> entries) {
		b.append("<p><strong>").append(title).append("</strong>（").append(entries.size()).append(" 条）</p>");
		if (entries.isEmpty()) {
			b.append("<p>无。</p>");
			return;
		}
		b.append("<table><tr><th>日期</th><th>类型</th><th>事实</th></tr>");
		for (CreditReports.Entry e : entries) {
			b.append("<tr><td>").append(e.occurredOn()).append("</td><td>").append(t(e.label())).append("</td><td>")
				.append(t(e.note())).append("</td></tr>");
		}
		b.append("</table>");
	}

	private static void row(StringBuilder b, String k, String v) {
		b.append("<tr><th class=\"k\">").append(k).append("</th><td>").append(t(v)).append("</td></tr>");
	}

	private static String dash(String grade) {
		return grade == null ? "（尚未分级）" : grade;
	}

	private static String t(String s) {
		return Xhtml.text(s);
	}
}
