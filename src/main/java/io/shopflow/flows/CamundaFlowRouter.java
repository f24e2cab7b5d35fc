package io.shopflow.flows;

import java.util.List;
import java.util.Map;

import io.shopflow.events.ShopEvent;
import io.shopflow.events.ShopEventHandler;
import io.micrometer.core.instrument.MeterRegistry;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Execution;
import org.camunda.bpm.engine.runtime.ExecutionQuery;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.ProcessInstanceQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Routes by business key = customer id. For each flow that knows the event's type (the message name):
 * <ol>
 * <li>running instances of the customer that wait for the message get it; when the event carries the flow's
 * instance key (cartId for abandoned-cart), only the instance of that key;</li>
 * <li>if the message starts the flow and no running instance took it, the re-entry policy decides.</li>
 * </ol>
 * Runs inside the intake's transaction, after the customer rows were locked, so two copies of an event
 * (or two events of one customer) on two threads or nodes cannot both start an instance.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
class CamundaFlowRouter implements FlowRouter, ShopEventHandler {

	private static final Logger log = LoggerFactory.getLogger(CamundaFlowRouter.class);

	private final RuntimeService runtime;
	private final FlowCatalogue catalogue;
	private final MeterRegistry meters;

	CamundaFlowRouter(RuntimeService runtime, FlowCatalogue catalogue, MeterRegistry meters) {
		this.runtime = runtime;
		this.catalogue = catalogue;
		this.meters = meters;
	}

	@Override
	public void handle(ShopEvent event) {
		route(event);
	}

	@Override
	public void route(ShopEvent event) {
		if (event.customerId() == null || event instanceof ShopEvent.OtherEvent) {
			return;
		}
		for (Flow flow : catalogue.listeningTo(event.type())) {
			Object segment = event.variables().get("segmentKey");
			if (flow.segment() == null || segment == null || flow.segment().equals(segment)) {
				route(event, flow);
			}
		}
	}

	private void route(ShopEvent event, Flow flow) {
		String message = event.type();
		Map<String, Object> variables = event.variables();
		boolean starts = flow.startMessages().containsKey(message);
		// an event that names the flow's instance key (a cart) concerns that instance only
		Object key = flow.instanceKey() != null ? variables.get(flow.instanceKey()) : null;
		boolean delivered = false;
		if (flow.catchMessages().contains(message)) {
			// executions only: a message correlation would also fire the flow's message start event
			ExecutionQuery waiting = runtime.createExecutionQuery()
					.processDefinitionKey(flow.key())
					.processInstanceBusinessKey(event.customerId())
					.messageEventSubscriptionName(message);
			if (key != null) {
				waiting.processVariableValueEquals(flow.instanceKey(), key);
			}
			for (Execution execution : waiting.list()) {
				runtime.messageEventReceived(message, execution.getId(), variables);
				meters.counter("shopflow.flows.correlations", "flow", flow.key(), "kind", "message").increment();
				delivered = true;
			}
		}
		if (!starts || delivered) {
			return;
		}
		List<ProcessInstance> running = running(flow, event, key);
		if (!running.isEmpty()) {
			switch (flow.reentry()) {
				case IGNORE -> {
					return;
				}
				case RESTART -> running.forEach(instance -> runtime.deleteProcessInstance(instance.getId(),
						"restarted by event " + event.id(), false, true));
				case PARALLEL -> {
				}
			}
		}
		runtime.createMessageCorrelation(flow.startMessages().get(message))
				.processDefinitionId(flow.definitionId())
				.processInstanceBusinessKey(event.customerId())
				.setVariables(variables)
				.correlateStartMessage();
		meters.counter("shopflow.flows.correlations", "flow", flow.key(), "kind", "start").increment();
		log.debug("Started {} for customer {} by event {}", flow.key(), event.customerId(), event.id());
	}

	/** The customer's running instances of the flow, of the event's instance key if it has one. */
	private List<ProcessInstance> running(Flow flow, ShopEvent event, Object key) {
		ProcessInstanceQuery query = runtime.createProcessInstanceQuery()
				.processDefinitionKey(flow.key())
				.processInstanceBusinessKey(event.customerId());
		if (key != null) {
			query.variableValueEquals(flow.instanceKey(), key);
		}
		return query.list();
	}
}
