package org.tongban.reform;

import java.sql.Timestamp;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.tongban.shared.TaskIndicatorReported;

/**
 * The figures other modules measure for the plan's tasks ({@link TaskIndicatorReported}), the latest per task and key.
 * A report older than the one kept (events may be redelivered after a restart) changes nothing.
 */
@Component
class TaskIndicators {

	private static final Logger log = LoggerFactory.getLogger(TaskIndicators.class);

	private final JdbcClient jdbc;
	private final ReformTasks tasks;

	TaskIndicators(JdbcClient jdbc, ReformTasks tasks) {
		this.jdbc = jdbc;
		this.tasks = tasks;
	}

	@ApplicationModuleListener
	void on(TaskIndicatorReported r) {
		if (tasks.find(r.taskNumber()).isEmpty()) {
			log.warn("Indicator {} names task {}, which the plan does not have; ignored", r.key(), r.taskNumber());
			return;
		}
		jdbc.sql("""
				INSERT INTO reform_task_indicator (task_no, key, label, value, unit, basis, measured_at)
				VALUES (:no, :key, :label, :value, :unit, :basis, :at)
				ON CONFLICT (task_no, key) DO UPDATE SET label = EXCLUDED.label, value = EXCLUDED.value,
				    unit = EXCLUDED.unit, basis = EXCLUDED.basis, measured_at = EXCLUDED.measured_at
				WHERE reform_task_indicator.measured_at <= EXCLUDED.measured_at""")
			.param("no", r.taskNumber()).param("key", r.key()).param("label", r.label()).param("value", r.value())
			.param("unit", r.unit()).param("basis", r.basis()).param("at", Timestamp.from(r.measuredAt()))
			.update();
	}

	List<TaskIndicator> forTask(int no) {
		return jdbc.sql("SELECT * FROM reform_task_indicator WHERE task_no = :no ORDER BY key").param("no", no)
			.query((rs, i) -> indicator(rs)).list();
	}

	List<TaskIndicator> all() {
		return jdbc.sql("SELECT * FROM reform_task_indicator ORDER BY task_no, key").query((rs, i) -> indicator(rs))
			.list();
	}

	private static TaskIndicator indicator(java.sql.ResultSet rs) throws java.sql.SQLException {
		return new TaskIndicator(rs.getInt("task_no"), rs.getString("key"), rs.getString("label"),
				rs.getBigDecimal("value"), rs.getString("unit"), rs.getString("basis"),
				rs.getTimestamp("measured_at").toInstant());
	}
}
