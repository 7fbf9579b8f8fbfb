package org.tongban.cases;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;
import org.tongban.catalogue.Catalogue;
import org.tongban.catalogue.Guide;
import org.tongban.catalogue.ItemType;

/**
 * Writes the decisions that go against an applicant — 不予受理, 不予许可 and the revocation after a false
 * notice-commitment — as complete documents: the reasons, the article the decision rests on together with the
 * item's own legal basis from the guide version the case was handled under, and the rights of 行政复议 and
 * 行政诉讼 with their periods and bodies. The inbox message, the case pages, the API and the archive all take
 * their text from here, so the applicant reads the same document everywhere.
 *
 * <p>The basis depends on what the item is: 《行政许可法》 governs licensing only, so a filing or a public service
 * is refused or denied on its own legal basis.
 */
@Component
class DecisionNotices {

	/** The commission issues every decision of this system. */
	static final String AUTHORITY = "上海市浦东新区卫生健康委员会";
	/**
	 * Since the 2023 revision of 《行政复议法》 (in force 2024-01-01) the people's government at the same level hears
	 * reconsideration of its departments' acts: for a district commission, the district government.
	 */
	static final String RECONSIDERATION_BODY = "上海市浦东新区人民政府";
	/** Which court is competent depends on Shanghai's arrangements for administrative cases; we do not guess. */
	static final String COURT = "有管辖权的人民法院";
	static final String LICENSING_LAW = "《中华人民共和国行政许可法》";
	static final String COMMITMENT_POLICY = "《国务院办公厅关于全面推行证明事项和涉企经营许可事项告知承诺制的指导意见》（国办发〔2020〕42号）";
	static final String RIGHTS = "如不服本决定，可以自收到本决定之日起六十日内，依照《中华人民共和国行政复议法》第二十条的规定，向"
			+ RECONSIDERATION_BODY + "申请行政复议；也可以自收到本决定之日起六个月内，依照《中华人民共和国行政诉讼法》第四十六条的规定，向"
			+ COURT + "提起行政诉讼。";

	static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");
	private static final Pattern DOCUMENT_NUMBER = Pattern.compile("(.+?)(（[^（）]*〔\\d{4}〕[^（）]*号）)");

	private final Catalogue catalogue;

	DecisionNotices(Catalogue catalogue) {
		this.catalogue = catalogue;
	}

	/** What a document is written from: the case's facts and the staff's reasons. */
	record Facts(DecisionNotice.Kind kind, ItemType type, String applicant, String item, LocalDate received,
			LocalDate granted, String reasons, LocalDate decided, int guideVersion, List<Guide.LegalBasis> itemBasis) {
	}

	/** The written decision of a refused, denied or revoked case: the last such step of its timeline. */
	Optional<DecisionNotice> of(Case c) {
		if (c.status() != CaseStatus.REFUSED && c.status() != CaseStatus.DENIED && c.status() != CaseStatus.REVOKED) {
			return Optional.empty();
		}
		List<TimelineEntry> timeline = c.timeline();
		for (int i = timeline.size() - 1; i >= 0; i--) {
			if (kindOf(timeline.get(i)).isPresent()) {
				return of(c, timeline.get(i));
			}
		}
		return Optional.empty();
	}

	/** The written decision a timeline entry of the case stands for, when it is a refusal, denial or revocation. */
	Optional<DecisionNotice> of(Case c, TimelineEntry entry) {
		return kindOf(entry).map(kind -> {
			Optional<Guide> guide = catalogue.version(c.itemCode(), c.guideVersion());
			// an item missing from the catalogue is read as licensing: the stricter document, never a lesser one
			ItemType type = guide.map(Guide::type).orElse(ItemType.LICENSING);
			String item = c.itemName() + (c.situationName() == null ? "" : "（" + c.situationName() + "）");
			return compose(new Facts(kind, type, c.applicant().name(), item, date(c.submittedAt()),
					kind == DecisionNotice.Kind.REVOCATION ? date(c.decidedAt()) : null, entry.reason(), date(entry.at()),
					c.guideVersion(), guide.map(Guide::legalBasis).orElse(List.of())));
		});
	}

	static Optional<DecisionNotice.Kind> kindOf(TimelineEntry entry) {
		if (entry.action() == null) {
			return Optional.empty();
		}
		return switch (entry.action()) {
			case "refuse" -> Optional.of(DecisionNotice.Kind.REFUSAL);
			case "deny" -> Optional.of(DecisionNotice.Kind.DENIAL);
			case "revoke" -> Optional.of(DecisionNotice.Kind.REVOCATION);
			default -> Optional.empty();
		};
	}

	static DecisionNotice compose(Facts f) {
		boolean licensing = f.type() == ItemType.LICENSING;
		String what = switch (f.type()) {
			case LICENSING -> "许可";
			case FILING -> "备案";
			case PUBLIC_SERVICE -> "办理";
		};
		String reasons = sentence(f.reasons() == null || f.reasons().isBlank() ? "未说明" : f.reasons().strip());
		String applied = (f.received() == null ? "您" : "您于" + format(f.received())) + "提出的“" + f.item() + "”申请";
		String title;
		String decision;
		String grounds;
		List<String> basis = new ArrayList<>();
		switch (f.kind()) {
			case REFUSAL -> {
				title = "不予受理决定书";
				decision = applied + "，经审查，本机关决定不予受理。";
				grounds = reasons;
				if (licensing) {
					basis.add(LICENSING_LAW + "第三十二条");
				}
			}
			case DENIAL -> {
				title = "不予" + what + "决定书";
				decision = applied + "，经审查，本机关决定不予" + what + "。";
				grounds = reasons;
				if (licensing) {
					basis.add(LICENSING_LAW + "第三十八条第二款");
				}
			}
			case REVOCATION -> {
				title = "撤销" + (f.type() == ItemType.PUBLIC_SERVICE ? "" : what) + "决定书";
				String target = f.type() == ItemType.PUBLIC_SERVICE ? "该决定" : "该" + what;
				decision = applied + "，本机关已" + (f.granted() == null ? "" : "于" + format(f.granted())) + "依告知承诺制准予"
						+ what + "。经事后核查，您的承诺内容与实际情况不符，本机关决定撤销" + target + "。";
				grounds = "承诺内容与实际情况不符。核查情况：" + reasons;
				if (licensing) {
					basis.add(LICENSING_LAW + "第六十九条第二款");
				}
				basis.add(COMMITMENT_POLICY);
			}
			default -> throw new IllegalArgumentException(String.valueOf(f.kind()));
		}
		String itemBasis = citations(f.itemBasis());
		if (!itemBasis.isEmpty()) {
			basis.add("本事项的办理依据：" + itemBasis);
		}
		if (basis.isEmpty()) {
			basis.add("本事项办事指南（第 " + f.guideVersion() + " 版）规定的办理条件");
		}
		String basisText = sentence(String.join("；", basis));
		String dated = format(f.decided());
		String text = String.join("\n", f.applicant() + "：", decision, "理由：" + grounds, "依据：" + basisText, "权利告知：" + RIGHTS,
				AUTHORITY, dated);
		return new DecisionNotice(f.kind(), title, f.applicant(), decision, grounds, basisText, RIGHTS, AUTHORITY,
				f.decided(), title + "\n" + text);
	}

	/** 《A》第八十九条，《B》第六条、第七条: articles grouped under their law in the order the guide cites them. */
	static String citations(List<Guide.LegalBasis> basis) {
		Map<String, List<String>> byLaw = new LinkedHashMap<>();
		for (Guide.LegalBasis b : basis == null ? List.<Guide.LegalBasis>of() : basis) {
			String name = b.name() == null || b.name().isBlank() ? b.law() : b.name();
			if (name == null || name.isBlank()) {
				continue;
			}
			List<String> articles = byLaw.computeIfAbsent(name.strip(), n -> new ArrayList<>());
			String article = b.article() == null ? "" : b.article().strip();
			if (!article.isEmpty() && !"全文".equals(article) && !articles.contains(article)) {
				articles.add(article);
			}
		}
		List<String> parts = new ArrayList<>();
		byLaw.forEach((law, articles) -> parts.add(titled(law) + String.join("、", articles)));
		return String.join("，", parts);
	}

	/**
	 * A document's name in title marks: a title quoted inside it takes the inner marks (〈〉) and a trailing
	 * document number stays outside, as in 《…的通知》（沪府规〔2021〕5号）.
	 */
	static String titled(String name) {
		String n = name.strip().replace('《', '〈').replace('》', '〉');
		Matcher numbered = DOCUMENT_NUMBER.matcher(n);
		return numbered.matches() ? "《" + numbered.group(1) + "》" + numbered.group(2) : "《" + n + "》";
	}

	private static String sentence(String s) {
		String t = s.strip();
		while (!t.isEmpty() && "。．.；;，, ".indexOf(t.charAt(t.length() - 1)) >= 0) {
			t = t.substring(0, t.length() - 1);
		}
		return t + "。";
	}

	private static LocalDate date(Instant at) {
		return at == null ? null : at.atZone(ZONE).toLocalDate();
	}

	static String format(LocalDate date) {
		return date == null ? "" : DATE.format(date);
	}
}
