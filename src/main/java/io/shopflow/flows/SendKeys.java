package io.shopflow.flows;

import java.util.Optional;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutorContext;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
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
		Job job = runningJob(execution).orElseGet(() -> queriedJob(execution));
		String pass = job != null ? job.getId() : execution.getActivityInstanceId();
		return execution.getProcessInstanceId() + ":" + execution.getCurrentActivityId() + ":" + pass;
	}

	/**
	 * The job executor's current job, when it is this step's: the common case, read without a query (the job
	 * query was 6% of a job thread's CPU in SendBench). A job run through the API (executeJob in tests) has no
	 * job executor context.
	 */
	private static Optional<Job> runningJob(DelegateExecution execution) {
		JobExecutorContext context = Context.getJobExecutorContext();
		JobEntity job = context == null ? null : context.getCurrentJob();
		return job != null && execution.getCurrentActivityId().equals(job.getActivityId()) && belongsTo(job, execution)
				? Optional.of(job)
				: Optional.empty();
	}

	private Job queriedJob(DelegateExecution execution) {
		return management.createJobQuery()
				.processInstanceId(execution.getProcessInstanceId())
				.activityId(execution.getCurrentActivityId())
				.list().stream()
				.filter(candidate -> belongsTo(candidate, execution))
				.findFirst()
				.orElse(null);
	}

	/** An activity with input mappings is a scope: its async job belongs to the parent execution. */
	private static boolean belongsTo(Job job, DelegateExecution execution) {
		return job.getExecutionId().equals(execution.getId()) || job.getExecutionId().equals(execution.getParentId());
	}

	static String flowKey(DelegateExecution execution) {
		String definitionId = execution.getProcessDefinitionId();
		int colon = definitionId.indexOf(':');
		return colon < 0 ? definitionId : definitionId.substring(0, colon);
	}
}
