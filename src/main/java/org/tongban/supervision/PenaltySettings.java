package org.tongban.supervision;

import java.util.List;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Penalty cases ({@code tongban.supervision.penalties.*}).
 *
 * @param majorFineFrom a proposed fine of at least this many yuan is a major decision (重大执法决定法制审核目录)
 * @param majorMeasures measures that make a decision major (licence suspension, revocation)
 * @param legalReviewers planners designated as legal reviewers (法制审核人员) by configuration
 * @param publicationWorkingDays a decision is published within this many working days (国办发〔2018〕118号)
 * @param publicationWarningWorkingDays an unpublished decision this close to its due date is flagged
 */
@ConfigurationProperties("tongban.supervision.penalties")
record PenaltySettings(@DefaultValue("10000") long majorFineFrom,
		@DefaultValue({"SUSPENSION", "REVOCATION"}) Set<DiscretionBaseline.Measure> majorMeasures,
		@DefaultValue({}) List<String> legalReviewers, @DefaultValue("7") int publicationWorkingDays,
		@DefaultValue("2") int publicationWarningWorkingDays) {
}
