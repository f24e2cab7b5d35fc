package io.shopflow.flows;

import java.util.Date;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The job executor as health ("jobBacklog", next to Camunda's own "jobExecutor": down when it should run and does
 * not) and as metrics:
 * shopflow.jobs.due (jobs due and not yet run: the backlog), shopflow.incidents.open.
 */
@Component("jobBacklog")
class EngineHealth implements HealthIndicator {

	private final ManagementService management;
	private final RuntimeService runtime;
	private final ProcessEngineConfigurationImpl configuration;
	private final boolean enabled;

	EngineHealth(ManagementService management, RuntimeService runtime, ProcessEngineConfigurationImpl configuration,
			MeterRegistry meters, @Value("${camunda.bpm.job-execution.enabled:true}") boolean enabled) {
		this.management = management;
		this.runtime = runtime;
		this.configuration = configuration;
		this.enabled = enabled;
		Gauge.builder("shopflow.jobs.due", this, EngineHealth::due).description("jobs due and not yet run")
				.register(meters);
		Gauge.builder("shopflow.incidents.open", this, EngineHealth::incidents).description("open incidents")
				.register(meters);
	}

	@Override
	public Health health() {
		JobExecutor executor = configuration.getJobExecutor();
		boolean active = executor != null && executor.isActive();
		Health.Builder health = !enabled || active ? Health.up() : Health.down();
		return health.withDetail("enabled", enabled).withDetail("active", active)
				.withDetail("jobsDue", (long) due()).withDetail("openIncidents", (long) incidents()).build();
	}

	private double due() {
		return management.createJobQuery().executable().duedateLowerThan(new Date()).count();
	}

	private double incidents() {
		return runtime.createIncidentQuery().count();
	}
}
