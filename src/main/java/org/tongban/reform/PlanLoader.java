package org.tongban.reform;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Loads the 2024 plan (reference data, always) when the task table is empty: the first start of a new
 * installation. Later starts leave the tasks alone, so progress and re-imported definitions survive.
 */
@Component
@Order(0)
class PlanLoader implements ApplicationRunner {

	static final String PLAN = "data/reform/tasks-2024.json";

	private static final Log log = LogFactory.getLog(PlanLoader.class);

	private final ReformTasks tasks;
	private final TaskCatalogue catalogue;
	private final JsonMapper json;
	private final TransactionTemplate tx;

	PlanLoader(ReformTasks tasks, TaskCatalogue catalogue, JsonMapper json, TransactionTemplate tx) {
		this.tasks = tasks;
		this.catalogue = catalogue;
		this.json = json;
		this.tx = tx;
	}

	@Override
	public void run(ApplicationArguments args) {
		tx.executeWithoutResult(status -> {
			// several instances may start together: the first loads, the others find the tasks there
			tasks.lockForLoading();
			if (tasks.count() > 0) {
				return;
			}
			List<TaskDefinition> plan = plan(json);
			catalogue.apply(plan, "system", "reform.task.loaded");
			log.info("Loaded " + plan.size() + " reform tasks from " + PLAN);
		});
	}

	static List<TaskDefinition> plan(JsonMapper json) {
		try (InputStream in = new ClassPathResource(PLAN).getInputStream()) {
			return json.readValue(in, new TypeReference<List<TaskDefinition>>() {
			});
		}
		catch (IOException ex) {
			throw new UncheckedIOException("无法读取改革任务数据文件 " + PLAN, ex);
		}
	}
}
