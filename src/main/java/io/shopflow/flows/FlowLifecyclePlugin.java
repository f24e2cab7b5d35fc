package io.shopflow.flows;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;

import io.shopflow.outbound.OutboundEvents;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * shopflow.flow.entered and shopflow.flow.exited for every flow instance, recorded in the engine's transaction
 * (so an instance that never committed is never announced). Exited names where it ended (the end event,
 * or the event subprocess that ended it), or "cancelled".
 */
@Component
class FlowLifecyclePlugin extends AbstractProcessEnginePlugin {

	private final OutboundEvents outbound;

	FlowLifecyclePlugin(@Lazy OutboundEvents outbound) {
		this.outbound = outbound;
	}

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		if (configuration.getCustomPostBPMNParseListeners() == null) {
			configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
		}
		configuration.getCustomPostBPMNParseListeners().add(new AbstractBpmnParseListener() {
			@Override
			public void parseProcess(Element processElement, ProcessDefinitionEntity process) {
				process.addListener(ExecutionListener.EVENTNAME_START, (ExecutionListener) execution ->
						record(OutboundEvents.FLOW_ENTERED, execution, null));
				process.addListener(ExecutionListener.EVENTNAME_END, (ExecutionListener) execution ->
						record(OutboundEvents.FLOW_EXITED, execution, execution.isCanceled() ? "cancelled"
								: execution.getCurrentActivityId()));
			}
		});
	}

	private void record(String type, DelegateExecution execution, String end) {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("flow", SendKeys.flowKey(execution));
		data.put("processInstanceId", execution.getProcessInstanceId());
		if (end != null) {
			data.put("endedIn", end);
		}
		outbound.record(type, execution.getProcessBusinessKey(), data);
	}
}
