package org.tongban.cases.process;

import java.util.Map;
import java.util.Optional;

import org.flowable.engine.RuntimeService;
import org.flowable.engine.TaskService;
import org.flowable.task.api.Task;
import org.springframework.stereotype.Component;

/**
 * The cases module's only door to Flowable: one process instance per case (business key = case id), at
 * most one open task at a time. Runs inside the caller's transaction, so the case row and the process
 * move together or not at all.
 */
@Component
public class CaseProcesses {

	private final RuntimeService runtime;
	private final TaskService tasks;

	CaseProcesses(RuntimeService runtime, TaskService tasks) {
		this.runtime = runtime;
		this.tasks = tasks;
	}

	/** The open step of a process: the task's key, its candidate role and assignee. */
	public record OpenStep(String taskId, String key, String role, String assignee) {
	}

	public String start(String processKey, String caseId, Map<String, Object> variables) {
		return runtime.startProcessInstanceByKey(processKey, caseId, variables).getId();
	}

	public Optional<OpenStep> openStep(String processInstanceId) {
		if (processInstanceId == null) {
			return Optional.empty();
		}
		Task task = tasks.createTaskQuery().processInstanceId(processInstanceId).active().singleResult();
		if (task == null) {
			return Optional.empty();
		}
		String role = tasks.getIdentityLinksForTask(task.getId()).stream()
				.filter(link -> "candidate".equals(link.getType()) && link.getGroupId() != null)
				.map(link -> link.getGroupId()).findFirst().orElse(null);
		return Optional.of(new OpenStep(task.getId(), task.getTaskDefinitionKey(), role, task.getAssignee()));
	}

	/** Completes the open step and returns the next one, if any. */
	public Optional<OpenStep> complete(String processInstanceId, String actor, Map<String, Object> variables) {
		OpenStep step = openStep(processInstanceId).orElseThrow(() -> new IllegalStateException(
				"no open task in process " + processInstanceId));
		tasks.setAssignee(step.taskId(), actor);
		tasks.complete(step.taskId(), variables);
		return openStep(processInstanceId);
	}

	public void assign(String processInstanceId, String username) {
		openStep(processInstanceId).ifPresent(step -> tasks.setAssignee(step.taskId(), username));
	}

	/** Ends a process that will not go on (withdrawn, revoked). */
	public void end(String processInstanceId, String reason) {
		if (processInstanceId != null
				&& runtime.createProcessInstanceQuery().processInstanceId(processInstanceId).count() > 0) {
			runtime.deleteProcessInstance(processInstanceId, reason);
		}
	}
}
