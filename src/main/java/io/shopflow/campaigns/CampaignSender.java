package io.shopflow.campaigns;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.shopflow.events.Channel;
import io.shopflow.flows.CampaignSteps;
import io.shopflow.messaging.Messaging;
import io.shopflow.messaging.SendDeferred;
import io.shopflow.messaging.SendOutcome;
import io.shopflow.messaging.SendRequest;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Sends one batch of a campaign: the due recipients, at most perMinute, each through the same send gate as a
 * flow's step (consent, cap, quiet hours) with a send key of its own, so a retried batch sends nobody twice.
 */
@Service
public class CampaignSender {

	private static final Logger log = LoggerFactory.getLogger(CampaignSender.class);
	private static final Duration EVERY = Duration.ofMinutes(1);
	private static final int MAX_ATTEMPTS = 3;

	private final Campaigns campaigns;
	private final Messaging messaging;
	private final JdbcClient jdbc;
	private final Clock clock;

	CampaignSender(Campaigns campaigns, Messaging messaging, JdbcClient jdbc, Clock clock) {
		this.campaigns = campaigns;
		this.messaging = messaging;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	public CampaignSteps.Batch send(String campaignKey, String processInstanceId) {
		Campaign campaign = campaigns.find(campaignKey).orElseThrow();
		List<Channel> channels = campaign.channels().stream().map(channel -> Channel.valueOf(channel.toUpperCase()))
				.toList();
		List<String> due = jdbc.sql("""
				select customer_id from campaign_recipients
				where campaign_key = ? and status = 'queued' and due_at <= ? order by due_at, customer_id limit ?""")
				.params(campaignKey, Timestamp.from(Instant.now(clock)), campaign.perMinute())
				.query(String.class).list();
		for (String customer : due) {
			sendOne(campaign, channels, customer, processInstanceId);
		}
		CampaignProgress progress = campaigns.progress(campaignKey).orElseThrow();
		log.info("Campaign {}: {} sent, {} skipped, {} failed, {} queued", campaignKey, progress.sent(), progress.skipped(),
				progress.failed(), progress.queued());
		if (progress.queued() == 0) {
			campaigns.finished(campaignKey);
			return new CampaignSteps.Batch(true, EVERY);
		}
		Instant next = jdbc.sql("select min(due_at) from campaign_recipients where campaign_key = ? and status = 'queued'")
				.param(campaignKey).query(Timestamp.class).single().toInstant();
		Duration until = Duration.between(Instant.now(clock), next);
		return new CampaignSteps.Batch(false, until.compareTo(EVERY) > 0 ? until : EVERY);
	}

	private void sendOne(Campaign campaign, List<Channel> channels, String customer, String processInstanceId) {
		try {
			SendOutcome outcome = messaging.send(new SendRequest("campaign:" + campaign.key() + ":" + customer, customer,
					"campaigns", campaign.key(), campaign.template(), channels, true, processInstanceId,
					Map.of("campaignKey", campaign.key())));
			boolean sent = outcome.status() == SendOutcome.Status.SENT;
			update(campaign.key(), customer, sent ? "sent" : "skipped", sent ? null : outcome.reason());
		}
		catch (SendDeferred deferred) {
			jdbc.sql("update campaign_recipients set due_at = ? where campaign_key = ? and customer_id = ?")
					.params(Timestamp.from(deferred.until()), campaign.key(), customer).update();
		}
		catch (RuntimeException failure) {
			String reason = failure.toString().substring(0, Math.min(500, failure.toString().length()));
			jdbc.sql("""
					update campaign_recipients set attempts = attempts + 1, reason = ?,
					  status = case when attempts + 1 >= ? then 'failed' else status end,
					  done_at = case when attempts + 1 >= ? then ? else done_at end
					where campaign_key = ? and customer_id = ?""")
					.params(reason, MAX_ATTEMPTS, MAX_ATTEMPTS, Timestamp.from(Instant.now(clock)), campaign.key(), customer)
					.update();
			log.warn("Campaign {} to {} failed: {}", campaign.key(), customer, reason);
		}
	}

	private void update(String campaignKey, String customer, String status, String reason) {
		jdbc.sql("""
				update campaign_recipients set status = ?, reason = ?, done_at = ? where campaign_key = ? and customer_id = ?""")
				.params(status, reason == null ? null : reason.substring(0, Math.min(500, reason.length())),
						Timestamp.from(Instant.now(clock)), campaignKey, customer)
				.update();
	}
}
