package org.tongban.cases.process;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.flowable.bpmn.model.FlowElement;
import org.flowable.bpmn.model.FlowNode;
import org.flowable.bpmn.model.UserTask;
import org.flowable.engine.RepositoryService;
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

	private final RepositoryService repository;
	private final RuntimeService runtime;
	private final TaskService tasks;
	private final Map<String, Optional<OpenStep>> firstSteps = new ConcurrentHashMap<>();

	CaseProcesses(RepositoryService repository, RuntimeService runtime, TaskService tasks) {
		this.repository = repository;
		this.runtime = runtime;
		this.tasks = tasks;
	}

	/** The open step of a process: the task's key, its candidate role and assignee. */
	public record OpenStep(String taskId, String key, String role, String assignee) {
	}

	/**
	 * The step a new instance of the process opens first, read from the deployed model, when it is a task for
	 * a role (受理 by the window): a submitted case can wait there before its process is started. Empty when the
	 * process does something first (the notice-commitment grant), so it must be started at once.
	 */
	public Optional<OpenStep> firstStep(String processKey) {
		return firstSteps.computeIfAbsent(processKey, key -> {
			var definition = repository.createProcessDefinitionQuery().processDefinitionKey(key).latestVersion()
					.singleResult();
			if (definition == null) {
				throw new IllegalStateException("no process deployed with key " + key);
			}
			org.flowable.bpmn.model.Process process = repository.getBpmnModel(definition.getId()).getMainProcess();
			if (!(process.getInitialFlowElement() instanceof FlowNode start) || start.getOutgoingFlows().size() != 1) {
				return Optional.empty();
			}
			FlowElement first = process.getFlowElement(start.getOutgoingFlows().get(0).getTargetRef());
			if (first instanceof UserTask task && task.getAssignee() == null && task.getCandidateGroups().size() == 1
					&& !task.getCandidateGroups().get(0).contains("$")) {
				return Optional.of(new OpenStep(null, task.getId(), task.getCandidateGroups().get(0), null));
			}
			return Optional.empty();
		});
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
