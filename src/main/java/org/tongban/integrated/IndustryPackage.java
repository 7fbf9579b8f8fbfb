package org.tongban.integrated;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonAlias;

/**
 * One version of an industry package (一业一证 行业): the permits it bundles, the questions deciding which apply, the
 * integrated form and material list, the obligations after opening and the unified validity. {@code itemCode} is the
 * catalogue item the package is published as (the commission's part for a cooperating package); {@code division}
 * owns the package's editing; {@code legalReview} is {@code pending} until the cited articles are checked.
 */
public record IndustryPackage(String code, String name, String industry, Role role, String leadAuthority,
		String itemCode, int version, List<Item> items, List<Question> questions, List<Field> fields,
		List<Material> materials, List<Obligation> obligations, Validity validity, String division,
		List<Contradiction> contradictions, Manual manual, @JsonAlias("legal-review") String legalReview,
		String summary, Map<String, Object> demoAnswers) {

	/** LEAD: the commission leads the industry; COOPERATING: another authority leads, the commission does its part. */
	public enum Role {
		LEAD("牵头行业"), COOPERATING("配合行业");

		private final String label;

		Role(String label) {
			this.label = label;
		}

		public String label() {
			return label;
		}
	}

	/**
	 * An underlying permit. {@code key} names it inside the package (the catalogue item code for the commission's
	 * items); {@code external} items belong to other authorities ({@code authority}) and are shown, not opened as
	 * cases. {@code when} lists the conditions on the answers, all of which must hold for the item to apply.
	 */
	public record Item(String key, String itemCode, String situation, String name, boolean external, String authority,
			List<Condition> when, List<SituationChoice> situations, String note) {

		public List<Condition> conditions() {
			return when == null ? List.of() : when;
		}

		public List<SituationChoice> situationChoices() {
			return situations == null ? List.of() : situations;
		}
	}

	/**
	 * A situation of the item chosen by the answers (e.g. 养老机构内设医务室 or 护理站): the first choice whose
	 * conditions hold gives the situation, {@link Item#situation()} otherwise.
	 */
	public record SituationChoice(List<Condition> when, String situation) {
	}

	/** A question of the questionnaire; {@code type} YES_NO, NUMBER (with min/max) or CHOICE (with choices). */
	public record Question(String id, String text, QuestionType type, BigDecimal min, BigDecimal max,
			List<String> choices, String hint) {
	}

	public enum QuestionType {
		YES_NO, NUMBER, CHOICE
	}

	/**
	 * A test on one answer: {@code equals} (a yes/no or choice), {@code atLeast}/{@code atMost} (a number) or
	 * {@code in} (one of several choices).
	 */
	public record Condition(String question, Object equals, BigDecimal atLeast, BigDecimal atMost, List<String> in) {
	}

	/** Answers that cannot both be true: when all {@code when} conditions hold, the answers are refused with the message. */
	public record Contradiction(List<Condition> when, String message) {
	}

	/**
	 * A field of the integrated form, asked once and fed to each underlying item's own field ({@code feeds}).
	 * {@code type} is a catalogue form field type (text, number, date, choice, idNumber, uscc, phone, address);
	 * {@code prefill} names a question whose answer pre-fills it (the number of dental chairs, say).
	 */
	public record Field(String name, String label, String type, boolean required, Integer maxLength, BigDecimal min,
			BigDecimal max, List<String> choices, String hint, String sample, List<Feed> feeds, String prefill) {

		public List<Feed> feedsOrNone() {
			return feeds == null ? List.of() : feeds;
		}
	}

	/** The underlying item (by its key in the package) and its form field that an integrated field fills. */
	public record Feed(String item, String field) {
	}

	/**
	 * A document of the merged list; {@code neededBy} names the items (by key) that require it, {@code when} any
	 * extra condition on the answers (e.g. the sterilisation contract only when sterilisation is outsourced).
	 */
	public record Material(String code, String name, List<String> neededBy, List<Condition> when, String heldBy,
			String notes, List<Cover> covers) {

		public List<Condition> conditions() {
			return when == null ? List.of() : when;
		}

		public List<Cover> coversOrNone() {
			return covers == null ? List.of() : covers;
		}
	}

	/**
	 * A material of an underlying item's own list (its guide's situation, by name) that a document of the merged list
	 * stands for: the one upload goes into that item's case under that name.
	 */
	public record Cover(String item, String material) {
	}

	/** An obligation the business carries after opening (一册告知), with its legal basis. */
	public record Obligation(String title, String text, String basis, String frequency, String authority) {
	}

	/** The unified validity rule: the earliest expiry of the parts, or a common term renewing all parts together. */
	public record Validity(ValidityRule rule, Integer years, String note) {
	}

	public enum ValidityRule {
		EARLIEST_EXPIRY, COMMON_TERM
	}

	/** What the operator manual (操作手册) shows: the licence's elements and one flow per business. */
	public record Manual(List<Element> elements, List<Flow> flows) {
	}

	/** A licence element (要素): what the integrated licence carries and where it comes from. */
	public record Element(String name, String source) {
	}

	/** The flow of one business (NEW, CHANGE, CANCEL, REISSUE): steps, materials, limits and where it is handled. */
	public record Flow(String kind, String name, List<String> steps, List<String> materials, String limit,
			String basis) {
	}

	public Optional<Item> item(String key) {
		return items == null ? Optional.empty() : items.stream().filter(i -> key.equals(i.key())).findFirst();
	}

	public Optional<Question> question(String id) {
		return questions == null ? Optional.empty() : questions.stream().filter(q -> id.equals(q.id())).findFirst();
	}

	/** Whether the cited articles are still waiting for the legal division's check. */
	public boolean legalReviewPending() {
		return !"checked".equals(legalReview);
	}
}
