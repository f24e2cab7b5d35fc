package io.shopflow.flows;

import io.shopflow.recommendations.Orders;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** ${purchases.firstOrder(execution)}: whether the order that started the flow is the customer's first. */
@io.shopflow.flows.guard.ExposedToFlows
@Component("purchases")
public class Purchases {

	private final Orders orders;

	Purchases(Orders orders) {
		this.orders = orders;
	}

	public boolean firstOrder(DelegateExecution execution) {
		return orders.countOf(execution.getProcessBusinessKey()) <= 1;
	}
}
