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
		Integer retentionYears, TimeLimitRules timeLimits, List<FormField> form) {

	/** The form's fields that apply to a situation, in order; empty when the guide defines no form. */
	public List<FormField> formFor(String situation) {
		return form == null ? List.of() : form.stream().filter(f -> f.appliesTo(situation)).toList();
	}

	/**
	 * A field of the item's application form (申请表). {@code type} is one of {@link FormFieldType}; {@code maxLength}
	 * bounds text, {@code min}/{@code max} a number, {@code choices} the options of a choice; {@code situations}
	 * names the situations the field belongs to (all when absent). {@code sample} is what the demo data fills in.
	 * A {@code table} field (a staff or equipment list) has rows of {@code columns}, each a field of its own (not
	 * a table), between {@code minRows} and {@code maxRows} rows; its value is kept as a JSON array of objects,
	 * its sample is {@code minRows} (at least one) rows of the columns' samples.
	 */
	public record FormField(String name, String label, String type, Boolean required, Integer maxLength,
			java.math.BigDecimal min, java.math.BigDecimal max, List<String> choices, List<String> situations,
			String hint, String sample, List<FormField> columns, Integer minRows, Integer maxRows) {

		/** The ordinary field the definitions written before tables had. */
		public FormField(String name, String label, String type, Boolean required, Integer maxLength,
				java.math.BigDecimal min, java.math.BigDecimal max, List<String> choices, List<String> situations,
				String hint, String sample) {
			this(name, label, type, required, maxLength, min, max, choices, situations, hint, sample, null, null, null);
		}

		/** The columns of a table, none for any other field. */
		public List<FormField> columnsOrNone() {
			return columns == null ? List.of() : columns;
		}

		/** Rows a table allows at most: its own bound, 200 otherwise. */
		public int rowLimit() {
			return maxRows != null ? maxRows : 200;
		}

		public boolean appliesTo(String situation) {
			return situations == null || situations.isEmpty() || situations.contains(situation);
		}

		public boolean isRequired() {
			return Boolean.TRUE.equals(required);
		}

		/** The field's type, {@link FormFieldType#TEXT} for an unknown one (the rules refuse those on saving). */
		public FormFieldType fieldType() {
			return FormFieldType.parse(type).orElse(FormFieldType.TEXT);
		}
	}

	/** The linked 权责清单 entry. */
	public record PowersListEntry(String code, String name) {
	}

	/** A law id from the law list and the article cited. */
	public record Citation(String law, String article) {
	}

	public record Channels(Boolean online, Boolean window, String windowAddress, String windowHours, String phone) {
	}

	/**
	 * 告知承诺制: the conditions the applicant commits to in writing, and when the commitment is verified after
	 * the grant ({@code verificationDays} calendar days, on the basis {@code verificationBasis}). Which
	 * situations offer it is marked on each situation.
	 */
	public record NoticeCommitment(Boolean applies, List<String> conditions, Integer verificationDays,
			String verificationBasis) {

		/** The text the applicant signs, as shown on the application form and kept with the case. */
		public String statement() {
			StringBuilder text = new StringBuilder("申请人承诺已经符合下列条件：\n");
			List<String> all = conditions == null ? List.of() : conditions;
			for (int i = 0; i < all.size(); i++) {
				text.append(i + 1).append(". ").append(all.get(i)).append("\n");
			}
			return text.append("以上承诺真实、准确。如承诺不实，愿意承担相应法律责任，行政机关可依法撤销许可并记入信用记录。").toString();
		}
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
	 * receipt); {@code limitBasis} names that rule. {@code noticeCommitment} marks the situations that offer
	 * 告知承诺制; a situation that needs an on-site check before the decision never does.
	 */
	public record Situation(String code, String name, String description, List<Material> materials,
			Integer statutoryDays, Integer promisedDays, String countFrom, String limitBasis, Boolean noticeCommitment,
			Boolean onSiteCheckBeforeDecision) {
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

	/**
	 * The licence the item ends in. {@code particulars} are the data the decision grants beyond holder, scope and
	 * validity (e.g. a nurse's 执业机构 and 执业类别): each a field of the application form, which the applicant fills
	 * in (pre-filled from the licence on a change), and which the licence then carries, signed.
	 */
	public record Licence(String name, String numberPattern, Integer validityYears, List<Particular> particulars) {

		/** The particulars, never null. */
		public List<Particular> particularsOrNone() {
			return particulars == null ? List.of() : particulars;
		}
	}

	/** A datum a licence carries: the application form's {@code field} (camelCase) and its Chinese {@code label}. */
	public record Particular(String field, String label) {
	}
}
