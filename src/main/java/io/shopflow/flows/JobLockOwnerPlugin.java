package io.shopflow.flows;

import java.util.UUID;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * Puts the node's name into the lock owner of every job this node's job executor takes, so an operator of
 * several nodes sees in ACT_RU_JOB (and Cockpit's job details) which node holds a job, e.g. one that died
 * with it. A random suffix keeps owners unique even when two nodes are given the same name.
 */
@Component
class JobLockOwnerPlugin extends AbstractProcessEnginePlugin {

	private final String name;

	JobLockOwnerPlugin(NodeSettings settings) {
		this.name = settings.name() == null ? "" : settings.name().strip();
	}

	@Override
	public void postInit(ProcessEngineConfigurationImpl configuration) {
		if (!name.isEmpty() && configuration.getJobExecutor() != null) {
			configuration.getJobExecutor().setLockOwner(name + "/" + UUID.randomUUID().toString().substring(0, 8));
		}
	}
}
