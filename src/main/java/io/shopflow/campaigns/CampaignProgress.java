package io.shopflow.campaigns;

import java.util.Map;

/** How far a campaign is: recipients queued, sent, skipped (by reason) and failed. */
public record CampaignProgress(Campaign campaign, long queued, long sent, long skipped, long failed,
		Map<String, Long> skippedBy) {
}
