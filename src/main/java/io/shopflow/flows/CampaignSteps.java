package io.shopflow.flows;

import java.time.Duration;
import java.time.Instant;

/** What the campaign model's tasks do, provided by the campaigns capability. */
public interface CampaignSteps {

	/** Queues the audience; @return when the first customer is due. */
	Instant queue(String campaignKey);

	/** Sends the due recipients, at most the campaign's perMinute. */
	Batch sendBatch(String campaignKey, String processInstanceId);

	/** What is left after a batch: nothing (done), or when to look again. */
	record Batch(boolean done, Duration nextIn) {
	}
}
