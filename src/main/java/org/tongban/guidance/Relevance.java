package org.tongban.guidance;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.tongban.catalogue.Guide;
import org.tongban.catalogue.GuideContent.Faq;
import org.tongban.catalogue.GuideContent.Situation;

/**
 * Whether a question is about a guide at all, decided on the question's intent rather than on shared words.
 * The search always ranks something first (its scores are reciprocal ranks), and a question such as
 * "浦东新区明天天气怎么样" or "浦东社保卡怎么办理" shares "浦东", "办理" or "证" with some guide without being
 * about it. A question is about guide G only when both hold:
 * <ol>
 * <li><b>Subject</b>: the question names what G is about, in G's own service-specific terms —
 * <ul>
 * <li>it contains a <i>key phrase</i> of G: the item name, one of its catalogue keywords, or a colloquial phrase
 * of {@code synonyms.txt} whose official wording occurs in G's name, keywords or situation names. Synonym
 * rules that only name a kind of procedure (丢了 → 补办, 到期 → 延续, 关门 → 注销) say how, not what, and
 * are not subject evidence; or</li>
 * <li>it shares at least two <i>subject pairs</i> (pairs of adjacent characters) with what G is about (name,
 * keywords, situation names and descriptions, FAQ questions). Pairs of question words (怎么, 需要), of
 * procedure words every guide has (办理, 申请, 登记, 证明, 备案, 许可, 变更, 报销, 检查 …, and their colloquial
 * forms in {@code synonyms.txt}: 丢了, 过期, 搬家 …) and of place names (上海, 浦东, 新区 …) never count:
 * sharing them says nothing about the subject. Situation descriptions are left out: they mention what else a
 * person may do ("出生一件事" names 社保卡).</li>
 * </ul>
 * </li>
 * <li><b>Intent</b>: the question asks for something to be done or known about a service — it contains an intent
 * word (办, 申请, 证, 材料, 开, 补, 多久, 费用, 在哪 …, not counting set phrases such as 怎么办, 开门, 关门), or it
 * is a bare topic of at most {@value #BARE_TOPIC} letters ("护士证补办", "婚检"), which is how people use a
 * search box. "怎么办" alone counts only with a key phrase ("母子健康手册怎么办", not "狗咬了怎么办").</li>
 * </ol>
 * Of the best search hits that pass, the one with the longest key phrase wins ("国医馆设置" names 中医医疗机构设置审批
 * over "国医馆" 中医诊所备案), then the one sharing most subject pairs, then the search's order.
 * When the embedding model is loaded, a hit with only subject pairs (no key phrase) must also clear
 * {@link Assistant#MIN_SCORE} (words and vectors both rank the item near the top); without the model the
 * rule above decides alone. No question is answered from a list: the rule sees only the catalogue and
 * {@code synonyms.txt}. Measured on {@code src/test/resources/guidance/assistant-relevance.tsv}
 * (see README, 智能问答).
 */
final class Relevance {

	/** A question of at most this many letters is a topic typed into a search box. */
	static final int BARE_TOPIC = 6;

	// pairs every question has ("怎么办", "需要什么"): they say nothing about the subject
	private static final Set<String> STOP = Set.of("怎么", "么办", "什么", "哪里", "需要", "要什", "如何", "办理", "可以",
			"么样", "怎样", "请问", "我要", "我想", "想办", "要办", "一下", "了怎", "的话", "是否", "多少", "多久", "时间",
			"材料", "哪些", "些材", "在哪", "里办", "么材", "办什", "了吗", "要多",
			// words of every procedure: "结婚登记" shares "登记" with 生育登记 but is the civil-affairs bureau's
			"登记", "申请", "手续", "流程", "证明");

	/** Pairs that are not subject evidence: procedure words, places, and words of every public service. */
	private static final Set<String> GENERIC = Set.of(
			// procedures
			"备案", "许可", "审批", "审查", "审核", "变更", "注销", "补办", "补发", "补证", "延续", "首次", "新办", "换发",
			"申领", "申报", "报销", "检查", "查询", "认定", "资格", "执业", "注册", "签发", "办证", "证书", "证件", "预约",
			"免费", "费用", "收费", "服务", "机构", "单位", "企业", "公司", "个人", "人员", "工作", "项目", "信息",
			"有限", "中心", "部门", "政府", "政务", "窗口", "网上", "一网", "网通", "通办", "电话", "地址",
			// places
			"上海", "海市", "浦东", "东新", "新区", "区政", "市民", "本市", "外地", "全国", "国家",
			// words of every health matter
			"卫生", "健康", "医疗", "医院", "医生", "治疗", "身体", "体检");

	/** Words that say the person wants something done or known about a service. */
	private static final List<String> INTENT = List.of("办", "申请", "申领", "领", "备案", "登记", "注册", "许可", "审批",
			"审查", "审核", "证", "材料", "手续", "流程", "开", "补", "换", "查", "签约", "解约", "预约", "报销", "检查", "体检",
			"筛查", "调解", "需要", "要不要", "要什么", "要啥", "带什么", "带啥", "多久", "几天", "时限", "多少钱", "收费",
			"费用", "免费", "条件", "资格", "在哪", "去哪", "哪里", "哪儿", "咋", "怎么弄", "怎么搞", "能不能", "可不可以",
			"申报", "建", "报", "校验", "复审", "延期", "验收", "评价", "认定", "考核", "变更", "注销", "延续", "补发",
			"换发", "改签", "设置", "找谁", "咨询");

	/** "How do I…" with nothing else: intent only when the question names one of the guide's key phrases. */
	private static final List<String> WEAK_INTENT = List.of("怎么办", "咋办", "怎么弄", "如何办");

	/** Set phrases that contain an intent word without meaning one. */
	private static final List<String> NOT_INTENT = List.of("怎么办", "开门", "关门", "开车", "开心", "开会", "离开", "打开",
			"开玩笑", "开奖", "哪里好玩", "哪里好吃", "换季", "开学");

	/** Official words of procedures (what synonym rules for 丢了, 到期, 搬家 … mean): how, not what. */
	private static final Set<String> PROCEDURES = Set.of("补办", "延续", "注销", "变更注册", "变更执业地点", "变更执业地址",
			"变更名称", "增加执业机构");

	private Relevance() {
	}

	/**
	 * How strongly a question is about a guide: {@code phrase} the length (in characters) of the longest key
	 * phrase of the guide found in the question, 0 if none; {@code pairs} the subject pairs shared with what the
	 * guide is about.
	 */
	record Evidence(int phrase, int pairs) {

		static final Evidence NONE = new Evidence(0, 0);

		boolean subject() {
			return phrase > 0 || pairs >= MIN_PAIRS;
		}
	}

	/** Subject pairs a question must share with a guide when it names none of its key phrases. */
	static final int MIN_PAIRS = 2;

	/**
	 * The evidence that {@code question} is about {@code guide}, by the rule in the class comment;
	 * {@link Evidence#NONE} when the question has no intent or does not name the guide's subject.
	 */
	static Evidence evidence(String question, Guide guide, Synonyms synonyms) {
		String q = normalised(question);
		int phrase = 0;
		for (String p : keyPhrases(guide, synonyms)) {
			if (q.contains(p)) {
				phrase = Math.max(phrase, p.codePointCount(0, p.length()));
			}
		}
		Set<String> pairs = bigrams(q);
		pairs.removeAll(GENERIC);
		// the colloquial words of procedures (丢了, 过期, 搬家) are as generic as the official ones
		for (Synonyms.Rule rule : synonyms.rules()) {
			if (PROCEDURES.containsAll(rule.meant())) {
				pairs.removeAll(bigrams(normalised(rule.said())));
			}
		}
		int shared = overlap(pairs, bigrams(normalised(aboutText(guide))));
		Evidence e = new Evidence(phrase, shared);
		if (!e.subject()) {
			return Evidence.NONE;
		}
		// "母子健康手册怎么办" asks for the booklet; "狗咬了怎么办" names no service and never gets here
		return intent(q) || (phrase > 0 && WEAK_INTENT.stream().anyMatch(q::contains)) ? e : Evidence.NONE;
	}

	static boolean intent(String question) {
		String q = normalised(question);
		long letters = q.codePoints().filter(Character::isLetterOrDigit).count();
		if (letters <= BARE_TOPIC) {
			return true;
		}
		for (String not : NOT_INTENT) {
			q = q.replace(not, " ");
		}
		for (String w : INTENT) {
			if (q.contains(w)) {
				return true;
			}
		}
		return false;
	}

	/** The item name, its keywords and the colloquial phrases whose official wording names the guide. */
	static List<String> keyPhrases(Guide guide, Synonyms synonyms) {
		List<String> out = new ArrayList<>();
		out.add(normalised(guide.name()));
		for (String k : guide.keywords()) {
			if (k.codePointCount(0, k.length()) >= 2) {
				out.add(normalised(k));
			}
		}
		StringBuilder names = new StringBuilder(guide.name()).append(' ').append(String.join(" ", guide.keywords()));
		for (Situation s : guide.situations()) {
			names.append(' ').append(s.name());
		}
		String official = names.toString();
		for (Synonyms.Rule rule : synonyms.rules()) {
			if (PROCEDURES.containsAll(rule.meant())) {
				continue;
			}
			if (rule.meant().stream().anyMatch(m -> !PROCEDURES.contains(m) && official.contains(m))) {
				out.add(normalised(rule.said()));
			}
		}
		return out;
	}

	/**
	 * What a guide is about: name, keywords, situation names, FAQ questions. Not the situations' descriptions:
	 * they tell what else a person may do ("出生一件事" mentions 社保卡) and would ground other agencies' business.
	 */
	static String aboutText(Guide g) {
		StringBuilder b = new StringBuilder(g.name()).append(' ').append(String.join(" ", g.keywords()));
		for (Situation s : g.situations()) {
			b.append(' ').append(s.name());
		}
		for (Faq f : g.faqs()) {
			b.append(' ').append(f.q());
		}
		return b.toString();
	}

	/** Upper case Latin letters and full-width forms folded, so that "bsl－2" finds "BSL-2". */
	static String normalised(String text) {
		if (text == null) {
			return "";
		}
		StringBuilder b = new StringBuilder(text.length());
		text.codePoints().forEach(c -> {
			if (c >= 0xFF01 && c <= 0xFF5E) {
				c -= 0xFEE0;
			}
			b.appendCodePoint(c);
		});
		return b.toString().toUpperCase(Locale.ROOT);
	}

	/** Pairs of adjacent letters (Han characters, letters, digits) of the text, without the stop pairs. */
	static Set<String> bigrams(String text) {
		Set<String> out = new HashSet<>();
		if (text == null) {
			return out;
		}
		// a pair never spans a space or punctuation: "护士证补办 护士证遗失" has no "办护"
		int[] cps = text.codePoints().toArray();
		for (int i = 0; i + 1 < cps.length; i++) {
			if (Character.isLetterOrDigit(cps[i]) && Character.isLetterOrDigit(cps[i + 1])) {
				String pair = new String(cps, i, 2);
				if (!STOP.contains(pair)) {
					out.add(pair);
				}
			}
		}
		return out;
	}

	static int overlap(Set<String> a, Set<String> b) {
		int n = 0;
		for (String s : a) {
			if (b.contains(s)) {
				n++;
			}
		}
		return n;
	}
}
