package io.shopflow.flows;

import java.util.Date;

import io.shopflow.messaging.SendDeferred;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.JobRetryCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.jobexecutor.DefaultFailedJobCommandFactory;
import org.camunda.bpm.engine.impl.jobexecutor.FailedJobCommandFactory;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.springframework.stereotype.Component;

/**
 * A send held back by quiet hours ends its job attempt with {@link SendDeferred}. Instead of counting that as
 * a failure, the job is moved to the end of the quiet window, retries untouched, so the step runs the gate
 * again then. Works for every flow's send steps, without drawing anything in the models.
 */
@Component
class DeferredSendPlugin extends AbstractProcessEnginePlugin {

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		FailedJobCommandFactory standard = configuration.getFailedJobCommandFactory() != null
				? configuration.getFailedJobCommandFactory()
				: new DefaultFailedJobCommandFactory();
		configuration.setFailedJobCommandFactory((jobId, exception) -> {
			SendDeferred deferred = deferral(exception);
			return deferred == null ? standard.getCommand(jobId, exception)
					: new RescheduleJob(jobId, exception, Date.from(deferred.until()));
		});
	}

	private static SendDeferred deferral(Throwable exception) {
		for (Throwable t = exception; t != null; t = t.getCause()) {
			if (t instanceof SendDeferred deferred) {
				return deferred;
			}
		}
		return null;
	}

	private static final class RescheduleJob extends JobRetryCmd implements Command<Object> {

		private final Date due;

		RescheduleJob(String jobId, Throwable exception, Date due) {
			super(jobId, exception);
			this.due = due;
		}

		@Override
		public Object execute(CommandContext commandContext) {
			JobEntity job = getJob();
			if (job != null) {
				job.unlock();
				job.setDuedate(due);
				notifyAcquisition(commandContext);
			}
			return null;
		}
	}
}
