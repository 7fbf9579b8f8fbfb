package org.tongban.reports;

import java.util.List;
import java.util.Locale;

/**
 * Charts as SVG markup, drawn from the figures here in Java (no script, nothing fetched): a stacked bar per
 * item and situation of its outcomes, and a pie for a split of two or more parts. Every text is escaped.
 */
final class Charts {

	static final String FONT = "Noto Sans SC";

	/** A part of a whole: its label, its count and its colour. */
	record Part(String label, int value, String colour) {
	}

	/** A bar: its label and its parts, stacked from the left. */
	record Bar(String label, List<Part> parts) {

		int total() {
			return parts.stream().mapToInt(Part::value).sum();
		}
	}

	private Charts() {
	}

	/** Horizontal stacked bars, one per line, scaled to the largest total; a legend on top. */
	static String stackedBars(String title, List<Bar> bars, List<Part> legend) {
		int width = 760;
		int labelWidth = 260;
		int barHeight = 16;
		int gap = 6;
		int top = 48;
		int height = top + Math.max(1, bars.size()) * (barHeight + gap) + 10;
		StringBuilder svg = open(width, height);
		text(svg, 0, 16, title, 14, "start", true);
		int x = 0;
		for (Part p : legend) {
			svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"26\" width=\"10\" height=\"10\" fill=\"%s\"/>", x, p.colour()));
			text(svg, x + 14, 35, p.label(), 10, "start", false);
			x += 28 + p.label().length() * 11;
		}
		if (bars.isEmpty()) {
			text(svg, 0, top + 14, "本年度无办件数据", 11, "start", false);
			return svg.append("</svg>").toString();
		}
		int max = Math.max(1, bars.stream().mapToInt(Bar::total).max().orElse(1));
		double scale = (width - labelWidth - 40) / (double) max;
		int y = top;
		for (Bar bar : bars) {
			text(svg, labelWidth - 6, y + 12, shorten(bar.label(), 22), 9, "end", false);
			double bx = labelWidth;
			for (Part p : bar.parts()) {
				if (p.value() == 0) {
					continue;
				}
				double w = p.value() * scale;
				svg.append(String.format(Locale.ROOT,
						"<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\"><title>%s</title></rect>", bx, y,
						w, barHeight, p.colour(), escape(p.label() + " " + p.value())));
				bx += w;
			}
			text(svg, (int) bx + 4, y + 12, String.valueOf(bar.total()), 9, "start", false);
			y += barHeight + gap;
		}
		return svg.append("</svg>").toString();
	}

	/** A pie of the parts with a legend giving each part's count and share. */
	static String pie(String title, List<Part> parts) {
		int width = 360;
		int height = 200;
		double cx = 90;
		double cy = 115;
		double r = 70;
		StringBuilder svg = open(width, height);
		text(svg, 0, 16, title, 14, "start", true);
		int total = parts.stream().mapToInt(Part::value).sum();
		if (total == 0) {
			svg.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"%.1f\" fill=\"#e5e7eb\"/>", cx, cy, r));
			text(svg, (int) cx, (int) cy + 4, "无数据", 11, "middle", false);
		}
		else {
			double angle = -Math.PI / 2;
			for (Part p : parts) {
				if (p.value() == 0) {
					continue;
				}
				if (p.value() == total) {
					svg.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"%.1f\" fill=\"%s\"/>", cx, cy, r,
							p.colour()));
					break;
				}
				double sweep = 2 * Math.PI * p.value() / total;
				double x1 = cx + r * Math.cos(angle);
				double y1 = cy + r * Math.sin(angle);
				double x2 = cx + r * Math.cos(angle + sweep);
				double y2 = cy + r * Math.sin(angle + sweep);
				svg.append(String.format(Locale.ROOT,
						"<path d=\"M %.2f %.2f L %.2f %.2f A %.2f %.2f 0 %d 1 %.2f %.2f Z\" fill=\"%s\"/>", cx, cy, x1, y1, r,
						r, sweep > Math.PI ? 1 : 0, x2, y2, p.colour()));
				angle += sweep;
			}
		}
		int y = 60;
		for (Part p : parts) {
			svg.append(String.format(Locale.ROOT, "<rect x=\"190\" y=\"%d\" width=\"10\" height=\"10\" fill=\"%s\"/>", y - 9,
					p.colour()));
			String share = total == 0 ? "—" : String.format(Locale.ROOT, "%.1f%%", 100.0 * p.value() / total);
			text(svg, 205, y, p.label() + " " + p.value() + " 件（" + share + "）", 10, "start", false);
			y += 20;
		}
		return svg.append("</svg>").toString();
	}

	private static StringBuilder open(int width, int height) {
		return new StringBuilder(String.format(Locale.ROOT,
				"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" "
						+ "font-family=\"%s\">", width, height, width, height, FONT));
	}

	private static void text(StringBuilder svg, int x, int y, String text, int size, String anchor, boolean bold) {
		svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"%d\" text-anchor=\"%s\"%s fill=\"#111827\">%s</text>",
				x, y, size, anchor, bold ? " font-weight=\"bold\"" : "", escape(text)));
	}

	private static String shorten(String s, int max) {
		return s.length() <= max ? s : s.substring(0, max - 1) + "…";
	}

	/** Escapes text for XML content and attribute values. */
	static String escape(String s) {
		return org.tongban.shared.Xhtml.text(s);
	}
}
