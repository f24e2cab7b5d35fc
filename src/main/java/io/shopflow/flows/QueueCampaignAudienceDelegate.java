package io.shopflow.flows;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Queues the campaign's audience and sets firstDue, when its first customer is due. */
@Component
class QueueCampaignAudienceDelegate implements JavaDelegate {

	private final CampaignSteps campaigns;

	QueueCampaignAudienceDelegate(CampaignSteps campaigns) {
		this.campaigns = campaigns;
	}

	@Override
	public void execute(DelegateExecution execution) {
		execution.setVariable(CampaignFlow.VAR_FIRST_DUE, campaigns.queue((String) execution.getVariable(CampaignFlow.VAR_CAMPAIGN_KEY))
				.toString());
	}
}
