package org.tongban.feedback;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Grouping similar complaints ({@code tongban.feedback.clusters.*}).
 *
 * @param threshold the least average cosine similarity between a complaint and a cluster's members for it to join
 *        (placement), and between two clusters for them to merge (nightly regrouping); tuned on the labelled set of
 *        {@code GroupingLabelledComplaintsTests}
 * @param regroupLimit the most recent complaints the nightly regrouping takes (O(n²) memory: 3,000 ≈ 36 MB)
 * @param regroupCron when the regrouping runs (Asia/Shanghai)
 * @param trendWeeks how many weeks a cluster's trend shows
 */
@ConfigurationProperties("tongban.feedback.clusters")
record ClusterSettings(@DefaultValue("0.70") double threshold, @DefaultValue("3000") int regroupLimit,
		@DefaultValue("0 30 2 * * *") String regroupCron, @DefaultValue("8") int trendWeeks) {
}
