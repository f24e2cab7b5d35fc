package io.shopflow.flows;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Sends one batch of the campaign; sets campaignDone, and nextBatchIn (ISO duration) when more is to come. */
@Component
class SendCampaignBatchDelegate implements JavaDelegate {

	private final CampaignSteps campaigns;

	SendCampaignBatchDelegate(CampaignSteps campaigns) {
		this.campaigns = campaigns;
	}

	@Override
	public void execute(DelegateExecution execution) {
		CampaignSteps.Batch batch = campaigns.sendBatch((String) execution.getVariable(CampaignFlow.VAR_CAMPAIGN_KEY),
				execution.getProcessInstanceId());
		execution.setVariable(CampaignFlow.VAR_CAMPAIGN_DONE, batch.done());
		execution.setVariable(CampaignFlow.VAR_NEXT_BATCH_IN, batch.nextIn().toString());
	}
}
