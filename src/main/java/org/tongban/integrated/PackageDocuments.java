package org.tongban.integrated;

import java.time.Instant;
import java.util.List;

import org.springframework.stereotype.Component;
import org.tongban.integrated.IndustryPackage.Element;
import org.tongban.integrated.IndustryPackage.Flow;
import org.tongban.integrated.IndustryPackage.Item;
import org.tongban.integrated.IndustryPackage.Material;
import org.tongban.integrated.IndustryPackage.Obligation;
import org.tongban.shared.HtmlPdf;
import org.tongban.shared.Xhtml;

/**
 * The two documents each package yields, as PDF: the operator manual (操作手册: elements, items, flows, materials
 * and limits for new, change, cancellation and reissue) and 一册告知 (every obligation after opening, with its
 * legal basis). Dated with the version's publication, so the same version always gives the same file.
 */
@Component
public class PackageDocuments {

	private static final HtmlPdf PDF = new HtmlPdf();

	private static final String STYLE = "@page{size:A4;margin:18mm}body{font-family:'" + HtmlPdf.FAMILY
			+ "';font-size:10.5pt;line-height:1.55}h1{font-size:18pt;text-align:center;margin:0 0 2mm}"
			+ "h2{font-size:13pt;margin:6mm 0 2mm;border-bottom:1px solid #999}.sub{text-align:center;color:#333}"
			+ "table{width:100%;border-collapse:collapse;margin:2mm 0}th,td{border:1px solid #555;padding:1.5mm;"
			+ "vertical-align:top;text-align:left}th{background:#eee;font-weight:normal}.note{color:#9a3412}"
			+ ".foot{margin-top:10mm;text-align:center;font-size:9pt;color:#444}";

	private final PackageStore store;

	PackageDocuments(PackageStore store) {
		this.store = store;
	}

	/** The operator manual of the package's published version. */
	public byte[] manualPdf(IndustryPackage pkg) {
		return PDF.render(manualXhtml(pkg), "Tongban 一业一证", dated(pkg), pkg.name() + "行业综合许可操作手册");
	}

	/** 一册告知 of the package's published version. */
	public byte[] bookletPdf(IndustryPackage pkg) {
		return PDF.render(bookletXhtml(pkg), "Tongban 一业一证", dated(pkg), pkg.name() + "一册告知");
	}

	/** 一册告知 as a standalone HTML document (what the PDF is made of). */
	public static String bookletHtml(IndustryPackage pkg) {
		return bookletXhtml(pkg);
	}

	static String manualXhtml(IndustryPackage pkg) {
		StringBuilder b = head(pkg.name() + "行业综合许可操作手册");
		b.append("<h1>").append(t(pkg.name())).append("行业综合许可操作手册</h1><p class=\"sub\">")
			.append(t(pkg.role().label())).append(" · 牵头部门：").append(t(pkg.leadAuthority())).append(" · 第 ")
			.append(pkg.version()).append(" 版</p>");
		if (pkg.summary() != null) {
			b.append("<p>").append(t(pkg.summary())).append("</p>");
		}
		pending(b, pkg);
		b.append("<h2>一、综合许可要素</h2><table><tr><th>要素</th><th>来源</th></tr>");
		for (Element e : manual(pkg).elements()) {
			b.append("<tr><td>").append(t(e.name())).append("</td><td>").append(t(e.source())).append("</td></tr>");
		}
		b.append("</table><p>").append(t(PackageTexts.validity(pkg)));
		if (pkg.validity().note() != null) {
			b.append("。").append(t(pkg.validity().note()));
		}
		b.append("</p><h2>二、涉及的许可事项</h2><table><tr><th>事项</th><th>办理部门</th><th>适用条件</th></tr>");
		for (Item i : pkg.items()) {
			String when = PackageTexts.when(pkg, i.conditions());
			b.append("<tr><td>").append(t(i.name())).append(i.external() ? "" : "（" + t(i.itemCode()) + "）")
				.append("</td><td>").append(t(i.external() ? i.authority() : "浦东新区卫生健康委员会"))
				.append("</td><td>").append(t(when.isEmpty() ? "均须办理" : when)).append("</td></tr>");
		}
		b.append("</table><h2>三、业务流程、材料和时限</h2>");
		for (Flow f : manual(pkg).flows()) {
			b.append("<h3>").append(t(f.name())).append("</h3><ol>");
			f.steps().forEach(s -> b.append("<li>").append(t(s)).append("</li>"));
			b.append("</ol><p>材料：").append(t(String.join("；", f.materials() == null ? List.of() : f.materials())))
				.append("</p><p>时限：").append(t(f.limit())).append("</p><p>依据：").append(t(f.basis())).append("</p>");
		}
		b.append("<h2>四、新办材料清单（合并后）</h2><table><tr><th>材料</th><th>用于</th><th>条件</th></tr>");
		for (Material m : pkg.materials()) {
			String when = PackageTexts.when(pkg, m.conditions());
			b.append("<tr><td>").append(t(m.name())).append(m.heldBy() == null ? "" : "（" + t(m.heldBy()) + "）")
				.append("</td><td>").append(t(String.join("、", names(pkg, m.neededBy())))).append("</td><td>")
				.append(t(when.isEmpty() ? "—" : when)).append("</td></tr>");
		}
		b.append("</table>");
		return foot(b, pkg);
	}

	static String bookletXhtml(IndustryPackage pkg) {
		StringBuilder b = head(pkg.name() + "一册告知");
		b.append("<h1>").append(t(pkg.name())).append("一册告知</h1><p class=\"sub\">开业后须履行的义务及其法律依据 · 第 ")
			.append(pkg.version()).append(" 版</p>");
		pending(b, pkg);
		b.append("<table><tr><th>序号</th><th>事项</th><th>要求</th><th>频次</th><th>依据</th><th>监管部门</th></tr>");
		int n = 1;
		for (Obligation o : pkg.obligations()) {
			b.append("<tr><td>").append(n++).append("</td><td>").append(t(o.title())).append("</td><td>")
				.append(t(o.text())).append("</td><td>").append(t(o.frequency())).append("</td><td>")
				.append(t(o.basis())).append("</td><td>").append(t(o.authority())).append("</td></tr>");
		}
		b.append("</table>");
		return foot(b, pkg);
	}

	private static IndustryPackage.Manual manual(IndustryPackage pkg) {
		return pkg.manual() == null ? new IndustryPackage.Manual(List.of(), List.of()) : pkg.manual();
	}

	static List<String> names(IndustryPackage pkg, List<String> keys) {
		return keys.stream().map(k -> pkg.item(k).map(Item::name).orElse(k)).toList();
	}

	private static void pending(StringBuilder b, IndustryPackage pkg) {
		if (pkg.legalReviewPending()) {
			b.append("<p class=\"note\">提示：本文件所列依据条文待法制审核，以现行法律法规原文为准。</p>");
		}
	}

	private static StringBuilder head(String title) {
		return new StringBuilder("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"UTF-8\"/><title>")
			.append(t(title)).append("</title><style>").append(STYLE).append("</style></head><body>");
	}

	private static String foot(StringBuilder b, IndustryPackage pkg) {
		return b.append("<div class=\"foot\">浦东新区卫生健康委员会 · 一业一证 · ").append(t(pkg.code())).append(" 第 ")
			.append(pkg.version()).append(" 版</div></body></html>").toString();
	}

	private Instant dated(IndustryPackage pkg) {
		return store.version(pkg.code(), pkg.version(), false)
			.map(r -> r.publishedAt() != null ? r.publishedAt() : r.updatedAt()).orElse(Instant.EPOCH);
	}

	private static String t(String s) {
		return Xhtml.text(s == null ? "" : s);
	}
}
