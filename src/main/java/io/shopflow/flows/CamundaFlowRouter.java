package io.shopflow.flows;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.shopflow.events.DerivedEvents;
import io.shopflow.events.EventPipeline.Step;
import io.shopflow.events.ShopEvent;
import io.shopflow.events.ShopEventHandler;
import io.micrometer.core.instrument.MeterRegistry;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Execution;
import org.camunda.bpm.engine.runtime.ExecutionQuery;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.ProcessInstanceQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Routes by business key = customer id. For each flow that knows the event's type (the message name):
 * <ol>
 * <li>running instances of the customer that wait for the message get it; when the event carries the flow's
 * instance key (cartId for abandoned-cart), only the instance of that key;</li>
 * <li>if the message starts the flow and no running instance took it, the re-entry policy decides; an instance
 * that took it through a drawn exit (an interrupting event subprocess) has ended, so a fresh one starts.</li>
 * </ol>
 * Runs inside the intake's transaction, after the customer rows were locked, so two copies of an event
 * (or two events of one customer) on two threads or nodes cannot both start an instance.
 */
@Component
class CamundaFlowRouter implements FlowRouter, ShopEventHandler {

	private static final Logger log = LoggerFactory.getLogger(CamundaFlowRouter.class);

	private final RuntimeService runtime;
	private final RepositoryService repository;
	private final FlowCatalogue catalogue;
	private final MeterRegistry meters;
	private final String executionTable;
	/** A deployed definition's key never changes; there are as many entries as versions deployed. */
	private final Map<String, String> definitionKeys = new ConcurrentHashMap<>();

	CamundaFlowRouter(RuntimeService runtime, RepositoryService repository, ManagementService management,
			FlowCatalogue catalogue, MeterRegistry meters) {
		this.runtime = runtime;
		this.repository = repository;
		this.executionTable = management.getTableName(ProcessInstance.class);
		this.catalogue = catalogue;
		this.meters = meters;
	}

	@Override
	public Step step() {
		return Step.FLOWS;
	}

	@Override
	public void handle(ShopEvent event, DerivedEvents derived) {
		route(event);
	}

	@Override
	public void route(ShopEvent event) {
		if (event.customerId() == null || event instanceof ShopEvent.OtherEvent) {
			return;
		}
		Set<String> running = null;
		for (Flow flow : catalogue.listeningTo(event.type())) {
			Object segment = event.variables().get("segmentKey");
			if (flow.segment() == null || segment == null || flow.segment().equals(segment)) {
				if (running == null) {
					running = flowsRunningFor(event.customerId());
				}
				if (route(event, flow, running.contains(flow.key()))) {
					// the start may have raised events that started other flows; ask again before the next
					running = null;
				}
			}
		}
	}

	/**
	 * The keys of the flows the customer has running instances of, in one query: most events concern a customer
	 * in few flows, so the per-flow lookups below are made only where an instance can be.
	 */
	private Set<String> flowsRunningFor(String customerId) {
		Set<String> keys = new HashSet<>();
		// a native query: the typed query's dynamic SQL took a third of a REST thread's CPU (IngestBench profile)
		for (ProcessInstance instance : runtime.createNativeProcessInstanceQuery()
				.sql("select RES.* from " + executionTable + " RES where RES.BUSINESS_KEY_ = #{customerId}"
						+ " and RES.PARENT_ID_ is null")
				.parameter("customerId", customerId)
				.list()) {
			keys.add(definitionKeys.computeIfAbsent(instance.getProcessDefinitionId(),
					id -> repository.getProcessDefinition(id).getKey()));
		}
		return keys;
	}

	/** Returns whether it started an instance. */
	private boolean route(ShopEvent event, Flow flow, boolean mayBeRunning) {
		String message = event.type();
		Map<String, Object> variables = event.variables();
		boolean starts = flow.startMessages().containsKey(message);
		// an event that names the flow's instance key (a cart) concerns that instance only
		Object key = flow.instanceKey() != null ? variables.get(flow.instanceKey()) : null;
		boolean delivered = false;
		if (mayBeRunning && flow.catchMessages().contains(message)) {
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
		// an instance that took the event goes on with it, unless the event ended it through a drawn exit and also
		// starts the flow: then a fresh instance starts from the event (re-arming, e.g. win-back on every order)
		if (!starts || delivered && !flow.rearmedBy(message)) {
			return false;
		}
		List<ProcessInstance> running = mayBeRunning ? running(flow, event, key) : List.of();
		if (!running.isEmpty()) {
			switch (flow.reentry()) {
				case IGNORE -> {
					return false;
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
		return true;
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
