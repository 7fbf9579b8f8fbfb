package org.tongban.shared;

import org.springframework.web.util.HtmlUtils;

/**
 * Text for the XHTML the PDF renderers read: escaped, and without the control characters XML 1.0 forbids
 * (a pasted form value may hold them, and the renderer's parser would refuse the whole document).
 */
public final class Xhtml {

	private Xhtml() {
	}

	public static String text(String s) {
		if (s == null) {
			return "";
		}
		StringBuilder kept = new StringBuilder(s.length());
		s.chars().filter(c -> c >= 0x20 || c == '\n' || c == '\t').forEach(c -> kept.append((char) c));
		return HtmlUtils.htmlEscape(kept.toString(), "UTF-8");
	}
}
