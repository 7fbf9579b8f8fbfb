package org.tongban.guidance;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks a generated answer against the cited sections: every number (days, fees, copies, phone), every
 * material name known to the catalogue, every document-like phrase and every 《title》 must appear in them.
 * Returns what is unsupported; an empty list means the answer may be shown.
 */
final class GroundingCheck {

	private static final Pattern MARKER = Pattern.compile("\\[\\d+]");
	private static final Pattern NUMBER = Pattern.compile("\\d+(?:\\.\\d+)?");
	private static final Pattern CHINESE_NUMBER = Pattern.compile("([零一二两三四五六七八九十百]+)(?=个|日|天|年|份|月|周|小时|元|次)");
	private static final Pattern TITLE = Pattern.compile("《([^》]{1,60})》");
	// what a material is called at its end; the two characters before must also be in the guide
	private static final Pattern DOCUMENT = Pattern.compile("(?<=\\p{IsHan}{2})(证明|证书|申请表|审核表|登记表|合同|声明|报告|执照|许可证|委托书)");
	private static final List<String> CLAIMS = List.of("当场办结", "即办", "不收费", "免费", "收费标准");

	private GroundingCheck() {
	}

	static List<String> unsupported(String answer, Collection<Section> sections, Collection<String> vocabulary) {
		StringBuilder ctx = new StringBuilder();
		for (Section s : sections) {
			ctx.append(s.text()).append('\n');
		}
		String context = ctx.toString();
		String text = MARKER.matcher(answer).replaceAll(" ");
		List<String> problems = new ArrayList<>();
		Set<String> known = numbers(context);
		for (String n : numbers(text)) {
			if (!known.contains(n)) {
				problems.add("数字 " + n);
			}
		}
		for (String name : vocabulary) {
			if (text.contains(name) && !context.contains(name)) {
				problems.add("材料 " + name);
			}
		}
		Matcher t = TITLE.matcher(text);
		while (t.find()) {
			if (!context.contains(t.group(1))) {
				problems.add("文件 《" + t.group(1) + "》");
			}
		}
		Matcher d = DOCUMENT.matcher(text);
		while (d.find()) {
			String phrase = text.substring(d.start() - 2, d.end());
			if (!context.contains(phrase)) {
				problems.add("材料 " + phrase);
			}
		}
		for (String claim : CLAIMS) {
			if (text.contains(claim) && !context.contains(claim)) {
				problems.add("说法 " + claim);
			}
		}
		return problems;
	}

	/** Arabic numbers, and Chinese ones before a unit (五个工作日, 两份), as digits without leading zeros. */
	static Set<String> numbers(String text) {
		Set<String> out = new HashSet<>();
		Matcher m = NUMBER.matcher(text);
		while (m.find()) {
			out.add(normal(m.group()));
		}
		Matcher c = CHINESE_NUMBER.matcher(text);
		while (c.find()) {
			int v = chinese(c.group(1));
			if (v >= 0) {
				out.add(String.valueOf(v));
			}
		}
		return out;
	}

	private static String normal(String n) {
		if (n.contains(".")) {
			return n.replaceAll("\\.?0+$", "");
		}
		String s = n.replaceFirst("^0+(?=\\d)", "");
		return s;
	}

	/** Values up to 999 (一, 十二, 二十, 三百零五); -1 when it is not a number this reads. */
	static int chinese(String s) {
		String digits = "零一二三四五六七八九";
		int total = 0;
		int current = 0;
		for (char ch : s.toCharArray()) {
			int d = ch == '两' ? 2 : digits.indexOf(ch);
			if (d >= 0) {
				current = d;
			}
			else if (ch == '十') {
				total += (current == 0 ? 1 : current) * 10;
				current = 0;
			}
			else if (ch == '百') {
				total += (current == 0 ? 1 : current) * 100;
				current = 0;
			}
			else {
				return -1;
			}
		}
		return total + current;
	}
}
