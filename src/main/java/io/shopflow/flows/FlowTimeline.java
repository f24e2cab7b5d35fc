package io.shopflow.flows;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.shopflow.timeline.TimelineEntry;
import io.shopflow.timeline.TimelineSource;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.springframework.stereotype.Component;

/** Flows entered and left, from the engine's history: where each instance ended, or why it was stopped. */
@Component
class FlowTimeline implements TimelineSource {

	private final HistoryService history;

	FlowTimeline(HistoryService history) {
		this.history = history;
	}

	@Override
	public List<TimelineEntry> entriesOf(String customerId) {
		List<TimelineEntry> entries = new ArrayList<>();
		for (HistoricProcessInstance instance : history.createHistoricProcessInstanceQuery()
				.processInstanceBusinessKey(customerId).list()) {
			Map<String, Object> details = new LinkedHashMap<>();
			details.put("flow", instance.getProcessDefinitionKey());
			details.put("instanceId", instance.getId());
			entries.add(new TimelineEntry(instance.getStartTime().toInstant(), "flow-entered",
					instance.getProcessDefinitionKey(), null, details));
			if (instance.getEndTime() != null) {
				Map<String, Object> ended = new LinkedHashMap<>(details);
				ended.put("endActivityId", instance.getEndActivityId());
				entries.add(new TimelineEntry(instance.getEndTime().toInstant(), "flow-exited",
						instance.getProcessDefinitionKey(),
						instance.getDeleteReason() != null ? instance.getDeleteReason() : instance.getEndActivityId(),
						ended));
			}
		}
		return entries;
	}
}
