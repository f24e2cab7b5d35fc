package io.shopflow.flows.guard;

import java.util.ArrayList;
import java.util.Locale;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.stereotype.Component;

/**
 * No deployment can run code (docs/security.md): every BPMN model is checked when it is parsed, which is at
 * deployment and again whenever an older definition is loaded from the database; every expression runs through
 * the guarded resolver; decision and case models, which Shopflow does not use and whose expression languages
 * reach further, are refused.
 */
@Component
class FlowGuardPlugin extends AbstractProcessEnginePlugin {

	private final ListableBeanFactory beans;

	FlowGuardPlugin(ListableBeanFactory beans) {
		this.beans = beans;
	}

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		FlowBeans flowBeans = new FlowBeans(beans);
		configuration.setExpressionManager(new GuardedExpressionManager(flowBeans));
		if (configuration.getCustomPreBPMNParseListeners() == null) {
			configuration.setCustomPreBPMNParseListeners(new ArrayList<>());
		}
		configuration.getCustomPreBPMNParseListeners().add(new DeploymentCheck(new ExpressionCheck(flowBeans, beans)));
		if (configuration.getCustomPreDeployers() == null) {
			configuration.setCustomPreDeployers(new ArrayList<>());
		}
		configuration.getCustomPreDeployers().add(bpmnOnly());
	}

	private static Deployer bpmnOnly() {
		return deployment -> deployment.getResources().keySet().forEach(name -> {
			String lower = name.toLowerCase(Locale.ROOT);
			if (lower.endsWith(".dmn") || lower.endsWith(".cmmn") || lower.matches(".*\\.(dmn|cmmn)1\\d\\.xml")) {
				throw new BadUserRequestException("Shopflow deploys BPMN flows only; '" + name
						+ "' is a decision or case model, whose expressions are not checked");
			}
		});
	}
}
