package io.shopflow.flows.guard;

import org.camunda.bpm.engine.impl.el.JuelExpressionManager;
import org.camunda.bpm.impl.juel.jakarta.el.ELResolver;

/** Camunda's expression manager, with only the flow beans in reach and every member access guarded. */
final class GuardedExpressionManager extends JuelExpressionManager {

	private final FlowBeans flowBeans;

	@SuppressWarnings({ "unchecked", "rawtypes" })
	GuardedExpressionManager(FlowBeans flowBeans) {
		super((java.util.Map) flowBeans);
		this.flowBeans = flowBeans;
	}

	@Override
	protected ELResolver createElResolver() {
		return new GuardedElResolver(super.createElResolver(), flowBeans);
	}
}
