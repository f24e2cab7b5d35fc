package io.shopflow.flows;

import java.util.Date;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;

/**
 * The job executor as health ("jobBacklog", next to Camunda's own "jobExecutor": down when it should run and does
 * not) and as metrics:
 * shopflow.jobs.due (jobs due and not yet run: the backlog), shopflow.incidents.open. Its queries need the
 * database; when it cannot be reached, the check is DOWN with the reason (AbstractHealthIndicator), instead of
 * failing the whole health endpoint.
 */
@Component("jobBacklog")
class EngineHealth extends AbstractHealthIndicator {

	private final ManagementService management;
	private final RuntimeService runtime;
	private final ProcessEngineConfigurationImpl configuration;
	private final boolean enabled;

	EngineHealth(ManagementService management, RuntimeService runtime, ProcessEngineConfigurationImpl configuration,
			MeterRegistry meters, @Value("${camunda.bpm.job-execution.enabled:true}") boolean enabled) {
		super("jobBacklog health check failed");
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
	protected void doHealthCheck(Health.Builder health) {
		JobExecutor executor = configuration.getJobExecutor();
		boolean active = executor != null && executor.isActive();
		long jobsDue = (long) due();
		long openIncidents = (long) incidents();
		(!enabled || active ? health.up() : health.down()).withDetail("enabled", enabled).withDetail("active", active)
				.withDetail("jobsDue", jobsDue).withDetail("openIncidents", openIncidents);
	}

	private double due() {
		return management.createJobQuery().executable().duedateLowerThan(new Date()).count();
	}

	private double incidents() {
		return runtime.createIncidentQuery().count();
	}
}
