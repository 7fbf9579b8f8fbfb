package org.tongban.integrated;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.tongban.shared.TaskIndicatorReported;

/** The task-10 figure from the working days of each completed application: median, mean, range, or nothing yet. */
class IndustryEfficiencyTests {

	final IndustryEfficiency efficiency = new IndustryEfficiency(null, null, null, null,
			Clock.fixed(Instant.parse("2026-06-15T02:00:00Z"), ZoneId.of("Asia/Shanghai")));

	@Test
	void anOddNumberOfApplicationsGivesTheMiddleOne() {
		TaskIndicatorReported r = efficiency.indicator(pkg(IndustryPackage.Role.LEAD), new int[] { 3, 4, 11 });
		assertThat(r.taskNumber()).isEqualTo(10);
		assertThat(r.key()).isEqualTo("integrated.DENTAL_CLINIC.working-days");
		assertThat(r.value()).isEqualByComparingTo("4");
		assertThat(r.basis()).startsWith("已发证 3 件；平均 6，最短 3，最长 11 个工作日");
		assertThat(r.label()).isEqualTo("口腔诊所：自提交综合申请至核发行业综合许可证（中位数）");
	}

	@Test
	void anEvenNumberGivesTheMeanOfTheMiddleTwo() {
		TaskIndicatorReported r = efficiency.indicator(pkg(IndustryPackage.Role.LEAD), new int[] { 2, 4, 5, 9 });
		assertThat(r.value()).isEqualByComparingTo("4.5");
		assertThat(r.basis()).startsWith("已发证 4 件；平均 5，最短 2，最长 9");
	}

	@Test
	void aCooperatingIndustryCountsTheCommissionsPartAndNothingYetIsSaid() {
		TaskIndicatorReported r = efficiency.indicator(pkg(IndustryPackage.Role.COOPERATING), new int[0]);
		assertThat(r.value()).isNull();
		assertThat(r.basis()).isEqualTo("尚无已办结的申请");
		assertThat(r.label()).contains("（配合）", "本委部分");
	}

	private static IndustryPackage pkg(IndustryPackage.Role role) {
		return new IndustryPackage("DENTAL_CLINIC", "口腔诊所", "口腔", role, null, "PD-WJW-XK-031", 1, List.of(), List.of(),
				List.of(), List.of(), List.of(), null, "PLANNING", List.of(), null, "pending", null, Map.of());
	}
}
