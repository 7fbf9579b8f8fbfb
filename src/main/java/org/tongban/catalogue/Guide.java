package org.tongban.catalogue;

import java.time.Instant;
import java.util.List;

import org.tongban.catalogue.GuideContent.Channels;
import org.tongban.catalogue.GuideContent.Faq;
import org.tongban.catalogue.GuideContent.FormField;
import org.tongban.catalogue.GuideContent.Licence;
import org.tongban.catalogue.GuideContent.NoticeCommitment;
import org.tongban.catalogue.GuideContent.PowersListEntry;
import org.tongban.catalogue.GuideContent.Question;
import org.tongban.catalogue.GuideContent.Situation;
import org.tongban.catalogue.GuideContent.TimeLimitRules;

/** One version of an item's guide (办事指南) as applicants, cases and other modules read it. */
public record Guide(String code, String name, ItemType type, String typeLabel, int version, GuideStatus status,
		String statusLabel, String division, String divisionName, String handlingUnit, String handlingUnitName,
		PowersListEntry powersListEntry, List<LegalBasis> legalBasis, Integer statutoryDays, int promisedDays,
		boolean immediate, String fee, Channels channels, NoticeCommitment noticeCommitment, List<String> keywords,
		List<Question> questions, List<Situation> situations, List<String> processSteps, List<Faq> faqs,
		Licence licence, Integer retentionYears, TimeLimitRules timeLimits, List<FormField> form, String author,
		String reviewer, String rejectReason, Instant updatedAt, Instant publishedAt) {

	/** A citation with the law's name and status resolved. */
	public record LegalBasis(String law, String name, LawStatus status, String article) {
	}

	/** The editable content of this version, as a draft is saved (the item file's structure). */
	public GuideContent content() {
		return new GuideContent(name, powersListEntry,
				legalBasis.stream().map(b -> new GuideContent.Citation(b.law(), b.article())).toList(), statutoryDays,
				promisedDays, immediate, fee, channels, noticeCommitment, keywords, questions, situations, processSteps,
				faqs, licence, retentionYears, timeLimits, form.isEmpty() ? null : form);
	}

	/** The guide as the public sees it: without the staff who wrote and reviewed it or a reviewer's remarks. */
	public Guide forPublic() {
		return new Guide(code, name, type, typeLabel, version, status, statusLabel, division, divisionName,
				handlingUnit, handlingUnitName, powersListEntry, legalBasis, statutoryDays, promisedDays, immediate, fee,
				channels, noticeCommitment, keywords, questions, situations, processSteps, faqs, licence,
				retentionYears, timeLimits, form, null, null, null, updatedAt, publishedAt);
	}

	/**
	 * Whether the situation offers 告知承诺制: the item applies it, the situation is marked for it, it needs no
	 * on-site check before the decision, and the item is not decided on the spot anyway.
	 */
	public boolean offersCommitment(String situationCode) {
		Situation s = situation(situationCode);
		return s != null && !immediate && noticeCommitment != null && Boolean.TRUE.equals(noticeCommitment.applies())
				&& Boolean.TRUE.equals(s.noticeCommitment()) && !Boolean.TRUE.equals(s.onSiteCheckBeforeDecision());
	}

	/** Whether this version defines the application form; items without one take free-text forms as before. */
	public boolean hasForm() {
		return !form.isEmpty();
	}

	/** The application form's fields for a situation, in order; empty when this version defines no form. */
	public List<FormField> formFor(String situationCode) {
		return form.stream().filter(f -> f.appliesTo(situationCode)).toList();
	}

	public Situation situation(String code) {
		return situations.stream().filter(s -> s.code().equals(code)).findFirst().orElse(null);
	}
}
