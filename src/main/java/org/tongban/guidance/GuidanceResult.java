package org.tongban.guidance;

import java.util.List;

import org.tongban.catalogue.GuideContent.Channels;
import org.tongban.catalogue.GuideContent.NoticeCommitment;

/** What the question tree led an applicant to: one situation of an item with its tailored material list. */
public record GuidanceResult(String code, String name, int version, Situation situation, List<Answer> answers,
		List<Material> materials, TimeLimit timeLimitDays, String fee, Channels channels,
		NoticeCommitment noticeCommitment) {

	public record Situation(String code, String name, String description) {
	}

	/** A question on the path and the option chosen ({@code index} is 0-based). */
	public record Answer(String questionId, String question, int index, String option) {
	}

	/** {@code needed} is false when the authority already holds it ({@code heldBy}, shown as 免提交). */
	public record Material(String name, String kind, String kindLabel, Integer copies, boolean required,
			String condition, boolean needed, String heldBy, boolean blankForm, boolean sample, String notes) {
	}

	/** In working days; {@code statutory} is null where the law sets no limit. */
	public record TimeLimit(Integer statutory, int promised, boolean immediate) {
	}
}
