package org.tongban.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The 90th percentile by nearest rank, as the annual report states it. */
class CaseStatisticsTests {

	@Test
	void nearestRankPercentile() {
		assertThat(CaseStatistics.percentile(List.of(), 90)).isNull();
		assertThat(CaseStatistics.percentile(List.of(7), 90)).isEqualTo(7);
		// ten values: rank ceil(0.9 × 10) = 9
		assertThat(CaseStatistics.percentile(List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10), 90)).isEqualTo(9);
		// eleven values: rank ceil(9.9) = 10
		assertThat(CaseStatistics.percentile(List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 50), 90)).isEqualTo(10);
		assertThat(CaseStatistics.percentile(List.of(0, 0, 3), 90)).isEqualTo(3);
	}
}
