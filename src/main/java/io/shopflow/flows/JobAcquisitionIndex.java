package io.shopflow.flows;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Lazy;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * An index on the jobs' due date, which Camunda does not create. The job executor asks every few hundred
 * milliseconds for due jobs; without it, PostgreSQL reads every waiting timer each time, which with a million
 * waiting customers (a win-back wave) costs more than the jobs themselves. It works together with
 * {@code ensure-job-due-date-not-null} (application.yaml), which drops the "or due date is null" from the
 * query so the index answers it alone; jobs made before that setting get a due date here once.
 */
@Component
class JobAcquisitionIndex extends AbstractProcessEnginePlugin {

	private static final Logger log = LoggerFactory.getLogger(JobAcquisitionIndex.class);

	private final JdbcTemplate jdbc;

	JobAcquisitionIndex(@Lazy JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public void postProcessEngineBuild(ProcessEngine engine) {
		try {
			jdbc.execute("create index if not exists shopflow_job_due on act_ru_job (duedate_)");
			int dated = jdbc.update("update act_ru_job set duedate_ = now() where duedate_ is null");
			if (dated > 0) {
				log.info("Gave {} jobs without a due date one, so the job executor keeps finding them", dated);
			}
		}
		catch (RuntimeException e) {
			// another node creating it at the same moment; the index is there or will be
			log.warn("Job due-date index not created here: {}", e.toString());
		}
	}
}
