package io.shopflow.flows;

import java.util.ArrayList;
import java.util.concurrent.atomic.AtomicLong;

import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.TransactionState;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.stereotype.Component;

/**
 * Counts parsed models, so the {@link FlowCatalogue} reloads after a deployment, e.g. from Camunda Modeler
 * through /engine-rest. Counted when parsed and again when the deployment commits, so no reader can cache the
 * state in between.
 */
@Component
class CatalogueRefreshPlugin extends AbstractProcessEnginePlugin {

	private final AtomicLong changes = new AtomicLong();

	long changes() {
		return changes.get();
	}

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		if (configuration.getCustomPostBPMNParseListeners() == null) {
			configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
		}
		configuration.getCustomPostBPMNParseListeners().add(new AbstractBpmnParseListener() {
			@Override
			public void parseProcess(Element processElement, ProcessDefinitionEntity processDefinition) {
				changes.incrementAndGet();
				var command = Context.getCommandContext();
				if (command != null) {
					command.getTransactionContext().addTransactionListener(TransactionState.COMMITTED,
							committed -> changes.incrementAndGet());
				}
			}
		});
	}
}
