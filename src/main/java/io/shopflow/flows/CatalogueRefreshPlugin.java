package io.shopflow.flows;

import java.util.ArrayList;

import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.TransactionState;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** Tells the catalogue to reload when a model is deployed, e.g. from Camunda Modeler through /engine-rest. */
@Component
class CatalogueRefreshPlugin extends AbstractProcessEnginePlugin {

	private final ObjectProvider<FlowCatalogue> catalogue;

	CatalogueRefreshPlugin(ObjectProvider<FlowCatalogue> catalogue) {
		this.catalogue = catalogue;
	}

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		if (configuration.getCustomPostBPMNParseListeners() == null) {
			configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
		}
		configuration.getCustomPostBPMNParseListeners().add(new AbstractBpmnParseListener() {
			@Override
			public void parseProcess(Element processElement, ProcessDefinitionEntity processDefinition) {
				FlowCatalogue flows = catalogue.getIfAvailable();
				if (flows != null) {
					flows.invalidate();
					// and again once the deployment is committed, so no reader caches the old state in between
					var command = Context.getCommandContext();
					if (command != null) {
						command.getTransactionContext().addTransactionListener(TransactionState.COMMITTED,
								committed -> flows.invalidate());
					}
				}
			}
		});
	}
}
