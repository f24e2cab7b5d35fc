package io.shopflow.flows;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.stereotype.Component;

/**
 * Names a send so that a retried job gets the same name and a later pass through the same step (a loop,
 * a re-armed reminder) gets a new one: the id of the asynchronous job that runs the step. A step that is not
 * asynchronous falls back to its activity instance, which a rolled-back retry does not keep.
 */
@Component
class SendKeys {

	private final ManagementService management;

	SendKeys(ManagementService management) {
		this.management = management;
	}

	String of(DelegateExecution execution) {
		// an activity with input mappings is a scope: its async job belongs to the parent execution
		Job job = management.createJobQuery()
				.processInstanceId(execution.getProcessInstanceId())
				.activityId(execution.getCurrentActivityId())
				.list().stream()
				.filter(candidate -> candidate.getExecutionId().equals(execution.getId())
						|| candidate.getExecutionId().equals(execution.getParentId()))
				.findFirst()
				.orElse(null);
		String pass = job != null ? job.getId() : execution.getActivityInstanceId();
		return execution.getProcessInstanceId() + ":" + execution.getCurrentActivityId() + ":" + pass;
	}

	static String flowKey(DelegateExecution execution) {
		String definitionId = execution.getProcessDefinitionId();
		int colon = definitionId.indexOf(':');
		return colon < 0 ? definitionId : definitionId.substring(0, colon);
	}
}
