package io.shopflow.campaigns;

import java.sql.Timestamp;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import io.shopflow.segments.Segments;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Queues a campaign's audience once: every member of its segment at that moment, each due at the send time, or
 * at the same local time in their own time zone. Streamed from the segment query and inserted in batches.
 */
@Service
public class CampaignAudience {

	private final Campaigns campaigns;
	private final Segments segments;
	private final JdbcTemplate jdbc;
	private final ZoneId fallbackZone;

	CampaignAudience(Campaigns campaigns, Segments segments, JdbcTemplate jdbc,
			@Value("${shopflow.messaging.quiet-hours.fallback-time-zone:Europe/Stockholm}") String fallbackZone) {
		this.campaigns = campaigns;
		this.segments = segments;
		this.jdbc = jdbc;
		this.fallbackZone = ZoneId.of(fallbackZone);
	}

	/** @return when the first customer is due */
	public Instant queue(String campaignKey) {
		Campaign campaign = campaigns.find(campaignKey).orElseThrow();
		List<Object[]> rows = new ArrayList<>();
		Instant[] first = { null };
		segments.contacts(segments.find(campaign.segment()).orElseThrow().condition(), contact -> {
			Instant due = dueAt(campaign, contact.timeZone());
			first[0] = first[0] == null || due.isBefore(first[0]) ? due : first[0];
			rows.add(new Object[] { campaignKey, contact.id(), Timestamp.from(due) });
			if (rows.size() == 1000) {
				insert(rows);
			}
		});
		insert(rows);
		return first[0] == null ? Instant.parse("2000-01-01T00:00:00Z") : first[0];
	}

	private Instant dueAt(Campaign campaign, String timeZone) {
		if (!campaign.localTime()) {
			return Instant.parse(campaign.sendAt());
		}
		ZoneId zone = fallbackZone;
		if (timeZone != null) {
			try {
				zone = ZoneId.of(timeZone);
			}
			catch (DateTimeException e) {
				// the fallback then
			}
		}
		return LocalDateTime.parse(campaign.sendAt()).atZone(zone).toInstant();
	}

	private void insert(List<Object[]> rows) {
		if (!rows.isEmpty()) {
			jdbc.batchUpdate("""
					insert into campaign_recipients (campaign_key, customer_id, due_at, status, attempts)
					values (?, ?, ?, 'queued', 0)""", rows);
			rows.clear();
		}
	}
}
