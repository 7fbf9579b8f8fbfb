package org.tongban.guidance;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.tongban.catalogue.Guide;
import org.tongban.catalogue.GuideContent.Channels;
import org.tongban.catalogue.GuideContent.Faq;
import org.tongban.catalogue.GuideContent.Material;
import org.tongban.catalogue.GuideContent.Situation;

/**
 * Cuts a published guide into the sections the assistant cites, each with one extractive sentence made only
 * of the guide's own words and figures. The anchors are those of the catalogue item page.
 */
final class GuideSections {

	private GuideSections() {
	}

	/** The sections that answer a question about {@code guide}, most specific first. */
	static List<Section> of(Guide guide, String situationCode, String question) {
		List<Section> sections = new ArrayList<>();
		Situation situation = situationCode == null ? null : guide.situation(situationCode);
		if (situation != null) {
			sections.add(materials(guide, situation));
		}
		else if (!guide.situations().isEmpty()) {
			sections.add(situations(guide));
		}
		sections.add(timeLimits(guide));
		if (guide.fee() != null && !guide.fee().isBlank()) {
			sections.add(new Section(cite(guide, "fee", "收费", "fee"), "收费：" + guide.fee() + "。", "收费：" + guide.fee()));
		}
		Channels ch = guide.channels();
		if (ch != null) {
			sections.add(channels(guide, ch));
		}
		List<Faq> faqs = guide.faqs();
		Set<String> words = Relevance.bigrams(question);
		for (int i = 0; i < faqs.size(); i++) {
			Faq f = faqs.get(i);
			if (Relevance.overlap(words, Relevance.bigrams(f.q())) >= 2) {
				String text = "问：" + f.q() + " 答：" + f.a();
				sections.add(new Section(cite(guide, "faqs[" + i + "]", "常见问题 " + (i + 1), "faq-" + i), "常见问题“" + f.q() + "”：" + f.a(), text));
			}
		}
		return sections;
	}

	private static Section materials(Guide guide, Situation s) {
		String where = "situations[" + s.code() + "]";
		StringBuilder say = new StringBuilder("“" + s.name() + "”需要的材料：");
		StringBuilder text = new StringBuilder("办理情形：" + s.name() + "。");
		if (s.description() != null) {
			text.append(s.description());
		}
		if (s.materials() == null || s.materials().isEmpty()) {
			say.append("本情形无需提交材料。");
			text.append("本情形无需提交材料。");
		}
		else {
			List<String> items = new ArrayList<>();
			for (Material m : s.materials()) {
				items.add(material(m));
			}
			say.append(String.join("；", items)).append("。");
			text.append("申请材料：").append(String.join("；", items)).append("。");
		}
		return new Section(cite(guide, where + ".materials", "“" + s.name() + "”情形的材料", "situation-" + s.code()), say.toString(), text.toString());
	}

	static String material(Material m) {
		StringBuilder b = new StringBuilder(m.name());
		List<String> details = new ArrayList<>();
		details.add(kind(m.kind()) + (m.copies() == null ? "" : m.copies() + "份"));
		if (!Boolean.TRUE.equals(m.required()) && m.condition() != null) {
			details.add(m.condition());
		}
		if (m.heldBy() != null) {
			details.add("免提交，由" + m.heldBy() + "核验");
		}
		if (m.notes() != null) {
			details.add(m.notes());
		}
		return b.append("（").append(String.join("，", details)).append("）").toString();
	}

	private static String kind(String kind) {
		if ("ORIGINAL".equals(kind)) {
			return "原件";
		}
		return "COPY".equals(kind) ? "复印件" : "原件和复印件";
	}

	private static Section situations(Guide guide) {
		List<String> names = guide.situations().stream().map(Situation::name).toList();
		String say = "“" + guide.name() + "”分为以下办理情形：" + String.join("；", names) + "。请选择符合您的情形查看所需材料。";
		return new Section(cite(guide, "situations", "办理情形", "situations"), say, say);
	}

	private static Section timeLimits(Guide guide) {
		String statutory = guide.statutoryDays() == null ? "法律未规定法定时限"
				: "法定时限" + guide.statutoryDays() + "个工作日";
		String promised = guide.immediate() ? "即办件（当场办结）" : "承诺时限" + guide.promisedDays() + "个工作日";
		String say = "办理时限：" + statutory + "，" + promised + "。";
		return new Section(cite(guide, "timeLimits", "办理时限", "time-limits"), say, say);
	}

	private static Section channels(Guide guide, Channels ch) {
		List<String> parts = new ArrayList<>();
		if (Boolean.TRUE.equals(ch.online())) {
			parts.add("可网上办理（一网通办）");
		}
		if (Boolean.TRUE.equals(ch.window())) {
			parts.add("可到窗口办理：" + ch.windowAddress() + "，" + ch.windowHours());
		}
		if (ch.phone() != null) {
			parts.add("咨询电话：" + ch.phone());
		}
		String say = "办理渠道：" + String.join("；", parts) + "。";
		return new Section(cite(guide, "channels", "办理渠道", "channels"), say, say);
	}

	private static Answer.Citation cite(Guide guide, String section, String title, String anchor) {
		return Section.cite(guide.code(), guide.name(), guide.version(), section, title, anchor);
	}
}
