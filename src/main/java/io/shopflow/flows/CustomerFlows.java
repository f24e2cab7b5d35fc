package io.shopflow.flows;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.springframework.stereotype.Service;

/** A customer's flows as a whole: what they went through, and forgetting it (GDPR). */
@Service
public class CustomerFlows {

	private final RuntimeService runtime;
	private final HistoryService history;

	CustomerFlows(RuntimeService runtime, HistoryService history) {
		this.runtime = runtime;
		this.history = history;
	}

	/** Every flow instance of the customer, running or ended, oldest first. */
	public List<Map<String, Object>> of(String customerId) {
		return history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(customerId)
				.orderByProcessInstanceStartTime().asc().list().stream()
				.map(CustomerFlows::describe)
				.toList();
	}

	/**
	 * Cancels the customer's running flows and deletes every trace of them from the engine: instances,
	 * variables (with their history), activities, jobs and incidents.
	 *
	 * @return how many instances there were
	 */
	public int erase(String customerId) {
		List<String> running = runtime.createProcessInstanceQuery().processInstanceBusinessKey(customerId).list()
				.stream().map(instance -> instance.getId()).toList();
		if (!running.isEmpty()) {
			runtime.deleteProcessInstances(running, "customer erased (GDPR art. 17)", true, true, true);
		}
		List<String> ended = history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(customerId).list()
				.stream().map(HistoricProcessInstance::getId).toList();
		if (!ended.isEmpty()) {
			history.deleteHistoricProcessInstances(ended);
		}
		return ended.size();
	}

	private static Map<String, Object> describe(HistoricProcessInstance instance) {
		Map<String, Object> flow = new LinkedHashMap<>();
		flow.put("flow", instance.getProcessDefinitionKey());
		flow.put("version", instance.getProcessDefinitionVersion());
		flow.put("state", instance.getState());
		flow.put("startedAt", instance.getStartTime());
		flow.put("endedAt", instance.getEndTime());
		flow.put("endActivity", instance.getEndActivityId());
		return flow;
	}
}
