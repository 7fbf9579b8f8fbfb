package org.tongban.catalogue;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.tongban.shared.Xhtml;

/**
 * Renders a material's blank form, or a filled-in sample of it, from the guide itself: what demo mode offers in
 * place of the official forms the seeded catalogue does not have. Noto Sans SC is embedded (subset); the document
 * carries the version's date, so the same version renders to the same bytes.
 */
@Component
class GuideFormPdf {

	private static final String FAMILY = org.tongban.shared.HtmlPdf.FAMILY;

	/** The applicant block: label and the sample's example value. */
	private static final List<Map.Entry<String, String>> APPLICANT = List.of(
			Map.entry("姓名/名称", "张示范"),
			Map.entry("证件号码", "310115199001010000"),
			Map.entry("联系电话", "021-00000000"),
			Map.entry("地址", "上海市浦东新区示范路 1 号"));


	/** Shared by every instance, like the font file it reads. */
	private static final org.tongban.shared.HtmlPdf PDF = new org.tongban.shared.HtmlPdf();


	/** The PDF of a material of {@code guide}, dated {@code date}. */
	byte[] render(Guide guide, String material, GuideFileKind kind, Instant date) {
		return PDF.render(html(guide, material, kind), "Tongban catalogue", date, title(material, kind));
	}

	/** The file name a generated form is offered under. */
	static String filename(String material, GuideFileKind kind) {
		return title(material, kind).replaceAll("[\\\\/:*?\"<>|]", "_") + ".pdf";
	}

	private static String title(String material, GuideFileKind kind) {
		return kind == GuideFileKind.SAMPLE ? material + "（示范文本）" : material;
	}

	static String html(Guide guide, String material, GuideFileKind kind) {
		boolean sample = kind == GuideFileKind.SAMPLE;
		StringBuilder b = new StringBuilder();
		b.append("<!DOCTYPE html><html><head><meta charset=\"UTF-8\"/><title>").append(esc(title(material, kind)))
			.append("</title><style>@page{size:A4;margin:20mm}body{font-family:'").append(FAMILY)
			.append("';font-size:11pt;line-height:1.6}h1{font-size:18pt;text-align:center;margin:4mm 0 2mm}")
			.append(".item{text-align:center;margin-bottom:8mm}.mark{color:#b91c1c;font-weight:bold}")
			.append(".banner{border:2px solid #b91c1c;color:#b91c1c;text-align:center;font-size:14pt;padding:2mm;")
			.append("margin-bottom:4mm}table{width:100%;border-collapse:collapse;margin-bottom:6mm}")
			.append("th,td{border:1px solid #555;padding:3mm;text-align:left;vertical-align:top}")
			.append("th{width:25%;background:#eee;font-weight:normal}.line{border-bottom:1px solid #555;height:9mm}")
			.append(".sign{margin-top:12mm}.foot{margin-top:14mm;text-align:center;font-size:9pt;color:#444}")
			.append("</style></head><body>");
		if (sample) {
			b.append("<div class=\"banner\">示范文本 · 仅供填写参考，不能作为申请材料提交</div>");
		}
		b.append("<h1>").append(esc(title(material, kind))).append("</h1>");
		b.append("<div class=\"item\">申请事项：").append(esc(guide.name())).append("（事项编码 ")
			.append(esc(guide.code())).append("）</div>");
		b.append("<table><caption style=\"text-align:left;font-weight:bold;padding-bottom:2mm\">申请人信息</caption>");
		for (Map.Entry<String, String> field : APPLICANT) {
			b.append("<tr><th>").append(esc(field.getKey())).append("</th><td>");
			if (sample) {
				b.append(esc(field.getValue())).append(" <span class=\"mark\">【示范】</span>");
			}
			else {
				b.append("&#160;");
			}
			b.append("</td></tr>");
		}
		b.append("</table>");
		b.append("<p><strong>申请内容及说明</strong></p>");
		if (sample) {
			b.append("<p>本人（本单位）申请办理“").append(esc(guide.name()))
				.append("”，所填内容及所附材料真实、有效。 <span class=\"mark\">【示范】</span></p>");
		}
		for (int i = 0; i < (sample ? 3 : 6); i++) {
			b.append("<div class=\"line\"></div>");
		}
		b.append("<div class=\"sign\">申请人（签名或盖章）：");
		b.append(sample ? "张示范 <span class=\"mark\">【示范】</span>" : "____________________");
		b.append("</div><div class=\"sign\">日期：");
		b.append(sample ? "2026 年 1 月 5 日 <span class=\"mark\">【示范】</span>" : "________年____月____日");
		b.append("</div>");
		b.append("<div class=\"foot\">本表格依据第 ").append(guide.version()).append(" 版办事指南生成");
		if (sample) {
			b.append("（示范文本，填写的内容均为示例）");
		}
		b.append(" · ").append(esc(guide.handlingUnitName())).append("</div></body></html>");
		return b.toString();
	}

	private static String esc(String s) {
		return Xhtml.text(s == null ? "" : s);
	}

}
