package org.tongban.reform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;
import org.tongban.shared.TaskIndicatorReported;

/**
 * Figures the working modules measure for a task reach the cockpit: the latest per task and key, an older report (an
 * event redelivered after a restart) never replaces a newer one, a task the plan lacks is ignored. Each test uses a key
 * of its own on task 38 (65+ health checks), whose demo data has no figure of its own.
 */
class TaskIndicatorsTests extends ReformIntegrationTest {

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate tx;

	@Autowired
	TaskIndicators indicators;

	static final Instant NOON = Instant.parse("2026-06-15T04:00:00Z");

	@Test
	void theLatestFigureIsKeptAndShownOnTheTaskAndTheCockpit() throws Exception {
		String key = "test.latest." + System.nanoTime();
		report(new TaskIndicatorReported(38, key, "受检老人", new BigDecimal("1200"), "人", "截至中午", NOON));
		report(new TaskIndicatorReported(38, key, "受检老人", new BigDecimal("1500"), "人", "截至下午", NOON.plusSeconds(3600)));
		await().atMost(Duration.ofSeconds(10)).until(() -> find(key).map(i -> i.value().intValue()).orElse(0) == 1500);
		// the morning's figure delivered again after a restart: nothing moves back
		report(new TaskIndicatorReported(38, key, "受检老人", new BigDecimal("1200"), "人", "截至中午", NOON));
		String marker = "test.marker." + System.nanoTime();
		report(new TaskIndicatorReported(38, marker, "标记", null, "人", null, NOON));
		await().atMost(Duration.ofSeconds(10)).until(() -> find(marker).isPresent());
		assertThat(find(key).orElseThrow().value()).isEqualByComparingTo("1500");
		assertThat(find(key).orElseThrow().basis()).isEqualTo("截至下午");

		String api = mvc.perform(get("/api/reform/tasks/38").with(basic("leader"))).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(api).contains(key, "\"value\":1500");
		String page = mvc.perform(get("/reform/tasks/38").with(basic("leader"))).andExpect(status().isOk()).andReturn()
			.getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).contains("改革成效", "受检老人", "1500 人", "截至下午", "尚无数据");
		assertThat(mvc.perform(get("/reform").with(basic("leader"))).andReturn().getResponse()
			.getContentAsString(StandardCharsets.UTF_8)).contains("受检老人", "任务（38）");
	}

	@Test
	void aFigureForATaskThePlanLacksIsIgnoredAndLabelsAreEscaped() {
		String key = "test.unknown." + System.nanoTime();
		report(new TaskIndicatorReported(66, key, "不存在的任务", BigDecimal.ONE, "件", null, NOON));
		String escaped = "test.escaped." + System.nanoTime();
		report(new TaskIndicatorReported(38, escaped, "<script>alert(1)</script>", BigDecimal.ONE, "件", "<b>口径</b>",
				NOON));
		await().atMost(Duration.ofSeconds(10)).until(() -> find(escaped).isPresent());
		assertThat(jdbc.sql("SELECT count(*) FROM reform_task_indicator WHERE key = ?").param(key).query(Long.class)
			.single()).isZero();
		String page = page38();
		assertThat(page).contains("&lt;script&gt;alert(1)&lt;/script&gt;", "&lt;b&gt;口径&lt;/b&gt;")
			.doesNotContain("<script>alert(1)");
	}

	private String page38() {
		try {
			return mvc.perform(get("/reform/tasks/38").with(basic("leader"))).andReturn().getResponse()
				.getContentAsString(StandardCharsets.UTF_8);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Published inside a transaction, as the modules publish them: the listener runs after commit. */
	private void report(TaskIndicatorReported r) {
		tx.executeWithoutResult(s -> events.publishEvent(r));
	}

	private Optional<TaskIndicator> find(String key) {
		return indicators.forTask(38).stream().filter(i -> i.key().equals(key)).findFirst();
	}
}
