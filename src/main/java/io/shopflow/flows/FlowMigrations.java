package io.shopflow.flows;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.migration.MigrationInstruction;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.migration.MigrationPlanBuilder;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Moves a flow's running customers from older versions to the newest with Camunda's migration API. Activities
 * are mapped by equal ids, plus any explicit mapping (old id to new id). Timers keep their due dates. A dry run
 * migrates too, in a transaction that is rolled back, so it finds what a real run would.
 */
@Service
public class FlowMigrations {

	public record Plan(int fromVersion, int toVersion, long instances, List<String> mapped, boolean valid,
			String problem) {
	}

	public record Result(String flow, int toVersion, boolean dryRun, long migrated, List<Plan> plans) {
	}

	private final RepositoryService repository;
	private final RuntimeService runtime;
	private final TransactionTemplate transactions;

	FlowMigrations(RepositoryService repository, RuntimeService runtime, PlatformTransactionManager transactions) {
		this.repository = repository;
		this.runtime = runtime;
		this.transactions = new TransactionTemplate(transactions);
		this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/** Empty when no flow has this key. */
	public Optional<Result> migrate(String key, Map<String, String> mapping, boolean dryRun) {
		ProcessDefinition latest = repository.createProcessDefinitionQuery().processDefinitionKey(key).latestVersion()
				.singleResult();
		if (latest == null) {
			return Optional.empty();
		}
		List<Plan> plans = new ArrayList<>();
		long migrated = 0;
		for (ProcessDefinition old : repository.createProcessDefinitionQuery().processDefinitionKey(key)
				.orderByProcessDefinitionVersion().asc().list()) {
			long instances = runtime.createProcessInstanceQuery().processDefinitionId(old.getId()).count();
			if (old.getId().equals(latest.getId()) || instances == 0) {
				continue;
			}
			Plan plan = migrate(old, latest, mapping, instances, dryRun);
			plans.add(plan);
			if (plan.valid() && !dryRun) {
				migrated += instances;
			}
		}
		return Optional.of(new Result(key, latest.getVersion(), dryRun, migrated, plans));
	}

	private Plan migrate(ProcessDefinition old, ProcessDefinition latest, Map<String, String> mapping, long instances,
			boolean dryRun) {
		List<String> mapped = new ArrayList<>();
		try {
			return transactions.execute(status -> {
				MigrationPlanBuilder builder = runtime.createMigrationPlan(old.getId(), latest.getId()).mapEqualActivities();
				mapping.forEach(builder::mapActivities);
				MigrationPlan plan = builder.build();
				for (MigrationInstruction instruction : plan.getInstructions()) {
					mapped.add(instruction.getSourceActivityId() + " -> " + instruction.getTargetActivityId());
				}
				runtime.newMigration(plan)
						.processInstanceQuery(runtime.createProcessInstanceQuery().processDefinitionId(old.getId()))
						.execute();
				if (dryRun) {
					status.setRollbackOnly();
				}
				return new Plan(old.getVersion(), latest.getVersion(), instances, mapped, true, null);
			});
		}
		catch (ProcessEngineException e) {
			return new Plan(old.getVersion(), latest.getVersion(), instances, mapped, false, e.getMessage());
		}
	}

}
