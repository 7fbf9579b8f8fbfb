package org.tongban.cases;

import java.time.LocalDate;

/**
 * A stop of the clock: a correction notice (before acceptance), or, after acceptance, one of the procedures
 * 《行政许可法》第四十五条 excludes from the limit, or an on-site check. {@code workingDays} is set when it ends:
 * the working days after {@code startedOn} up to and including {@code endedOn}. {@code expectedDays} is the
 * duration the applicant was told when it began (art. 45: 所需时间书面告知申请人).
 */
@org.springframework.modulith.NamedInterface("api")
public record Suspension(Kind kind, String reason, LocalDate startedOn, LocalDate endedOn, Integer workingDays,
		Integer expectedDays) {

	public enum Kind {
		CORRECTION("补正", false),
		HEARING("听证", true),
		TENDER("招标", true),
		AUCTION("拍卖", true),
		INSPECTION("检验", true),
		TESTING("检测", true),
		QUARANTINE("检疫", true),
		APPRAISAL("鉴定", true),
		EXPERT_REVIEW("专家评审", true),
		/** Counts towards the statutory limit; stops the promised clock only where the guide says so. */
		ONSITE_CHECK("现场核查", false);

		private final String label;
		private final boolean article45;

		Kind(String label, boolean article45) {
			this.label = label;
			this.article45 = article45;
		}

		public String label() {
			return label;
		}

		/** Whether art. 45 excludes its time from the statutory limit. */
		public boolean stopsStatutoryClock() {
			return article45;
		}
	}

	public boolean open() {
		return endedOn == null;
	}
}
