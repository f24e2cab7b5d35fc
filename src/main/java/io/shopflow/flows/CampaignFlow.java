package io.shopflow.flows;

/** Ids and variables of bpmn/campaign.bpmn that code and tests rely on. */
final class CampaignFlow {

	static final String KEY = "campaign";
	/** Business key of a campaign's instance: campaign:<key>. */
	static final String BUSINESS_KEY_PREFIX = "campaign:";

	static final String TASK_QUEUE_AUDIENCE = "Task_QueueAudience";
	static final String TIMER_FIRST_DUE = "Timer_FirstDue";
	static final String TASK_SEND_BATCH = "Task_SendBatch";
	static final String GATEWAY_ALL_SENT = "Gateway_AllSent";
	static final String TIMER_NEXT_BATCH = "Timer_NextBatch";
	static final String END_CAMPAIGN_SENT = "EndEvent_CampaignSent";

	static final String VAR_CAMPAIGN_KEY = "campaignKey";
	/** Written by Queue the audience: when the first customer is due (ISO-8601 instant). */
	static final String VAR_FIRST_DUE = "firstDue";
	/** Written by Send a batch: whether everyone is done, else the wait before the next batch. */
	static final String VAR_CAMPAIGN_DONE = "campaignDone";
	static final String VAR_NEXT_BATCH_IN = "nextBatchIn";

	private CampaignFlow() {
	}
}
