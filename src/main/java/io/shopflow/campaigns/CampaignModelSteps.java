package io.shopflow.campaigns;

import java.time.Instant;

import io.shopflow.flows.CampaignSteps;

import org.springframework.stereotype.Component;

/** The campaign model's tasks: queue the audience, send a batch. */
@Component
class CampaignModelSteps implements CampaignSteps {

	private final CampaignAudience audience;
	private final CampaignSender sender;

	CampaignModelSteps(CampaignAudience audience, CampaignSender sender) {
		this.audience = audience;
		this.sender = sender;
	}

	@Override
	public Instant queue(String campaignKey) {
		return audience.queue(campaignKey);
	}

	@Override
	public Batch sendBatch(String campaignKey, String processInstanceId) {
		return sender.send(campaignKey, processInstanceId);
	}
}
