package io.shopflow.flows;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;

/** The send key a send job will use, computed the way {@link SendKeys} does. */
record SendKeysProbe(ProcessEngine engine) {

	String keyOf(String jobId) {
		Job job = engine.getManagementService().createJobQuery().jobId(jobId).singleResult();
		return job.getProcessInstanceId() + ":" + AbandonedCartFlow.TASK_SEND_FIRST_REMINDER + ":" + job.getId();
	}
}
