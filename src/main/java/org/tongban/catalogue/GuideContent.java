package org.tongban.catalogue;

import java.util.List;

/**
 * The editable content of a guide, in the structure of the item files (see data/catalogue/README.md):
 * what a draft is saved as, and what a version keeps for ever once published.
 */
public record GuideContent(String name, PowersListEntry powersListEntry, List<Citation> legalBasis,
		Integer statutoryDays, Integer promisedDays, Boolean immediate, String fee, Channels channels,
		NoticeCommitment noticeCommitment, List<String> keywords, List<Question> situationQuestions,
		List<Situation> situations, List<String> processSteps, List<Faq> faqs, Licence licence,
		Integer retentionYears, TimeLimitRules timeLimits) {

	/** The linked 权责清单 entry. */
	public record PowersListEntry(String code, String name) {
	}

	/** A law id from the law list and the article cited. */
	public record Citation(String law, String article) {
	}

	public record Channels(Boolean online, Boolean window, String windowAddress, String windowHours, String phone) {
	}

	/** 告知承诺制: the conditions the applicant commits to in writing. */
	public record NoticeCommitment(Boolean applies, List<String> conditions) {
	}

	/** A question of the tree; the first question of the list is the root. */
	public record Question(String id, String text, List<Option> options) {
	}

	/** Leads either to another question ({@code next}) or to a situation, never both. */
	public record Option(String label, String next, String situation) {
	}

	/**
	 * 办理情形. {@code statutoryDays}, {@code promisedDays} and {@code countFrom} replace the item's where the
	 * situation's own rule sets another limit (e.g. a nurse's change of registration: 7 working days from
	 * receipt); {@code limitBasis} names that rule.
	 */
	public record Situation(String code, String name, String description, List<Material> materials,
			Integer statutoryDays, Integer promisedDays, String countFrom, String limitBasis) {
	}

	/**
	 * How the item's limits run, where its regulation differs from 《行政许可法》: {@code countFrom} RECEIPT or
	 * ACCEPTANCE (the default, art. 42); {@code extension} the days and basis of the one extension allowed
	 * (absent: art. 42's ten days for items whose limit is art. 42's twenty, none otherwise);
	 * {@code onSiteCheckStopsPromisedClock} whether an on-site check stops the promised (never the statutory) clock.
	 */
	public record TimeLimitRules(String countFrom, Extension extension, Boolean onSiteCheckStopsPromisedClock) {
	}

	/** An extension of the decision limit: {@code days} 0 where the rule allows none. */
	public record Extension(Integer days, String basis) {
	}

	/** 申请材料; {@code heldBy} names the source when the authority already holds it (免提交). */
	public record Material(String name, String kind, Integer copies, Boolean required, String condition,
			Boolean blankForm, Boolean sample, String heldBy, String notes) {
	}

	public record Faq(String q, String a) {
	}

	public record Licence(String name, String numberPattern, Integer validityYears) {
	}
}
