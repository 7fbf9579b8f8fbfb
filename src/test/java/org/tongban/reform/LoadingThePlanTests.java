package org.tongban.reform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.tongban.identity.Organisation;
import tools.jackson.databind.json.JsonMapper;

/** The plan is reference data: loaded at first start, never loaded again over people's progress. */
class LoadingThePlanTests extends ReformIntegrationTest {

	@Autowired
	PlanLoader loader;

	@Autowired
	Organisation organisation;

	@Autowired
	JsonMapper json;

	@Autowired
	ReformCockpit cockpit;

	@Test
	void allSixtyFiveTasksAreThereAfterTheFirstStart() {
		List<TaskSummary> tasks = cockpit.tasks(TaskFilter.all());
		assertThat(tasks).hasSize(65);
		assertThat(tasks).extracting(TaskSummary::no).containsExactlyElementsOf(
				java.util.stream.IntStream.rangeClosed(1, 65).boxed().toList());
		TaskSummary t12 = tasks.get(11);
		assertThat(t12.groupTitle()).isEqualTo("持续深化“一业一证”改革");
		assertThat(t12.cooperatingDivisions()).containsExactly("生物医药处", "试点条线监管涉及的业务处室");
		assertThat(t12.units()).containsExactly("委审批服务中心", "区监督所");
	}

	@Test
	void everyNameInThePlanResolvesThroughTheOrganisation() {
		PlanLoader.plan(json).stream()
				.flatMap(t -> Stream.of(t.leadDivisions(), t.cooperatingDivisions(), t.units()).flatMap(List::stream))
				.distinct()
				.forEach(name -> assertThat(organisation.byName(name)).as(name).isPresent());
	}

	@Test
	void aRestartDoesNotLoadThePlanAgainOverProgress() throws Exception {
		Integer before = jdbc.sql("SELECT progress FROM reform_task WHERE no = 3").query(Integer.class).single();
		long reports = jdbc.sql("SELECT count(*) FROM reform_report").query(Long.class).single();
		loader.run(null);
		assertThat(jdbc.sql("SELECT progress FROM reform_task WHERE no = 3").query(Integer.class).single())
				.isEqualTo(before).isEqualTo(100);
		assertThat(jdbc.sql("SELECT count(*) FROM reform_task").query(Long.class).single()).isEqualTo(65);
		assertThat(jdbc.sql("SELECT count(*) FROM reform_report").query(Long.class).single()).isEqualTo(reports);
	}
}
