package io.shopflow.campaigns;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.shopflow.events.Channel;
import io.shopflow.flows.CampaignProcesses;
import io.shopflow.segments.Segments;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creating, following, pausing and resuming broadcast campaigns. */
@Service
public class Campaigns {

	private final JdbcClient jdbc;
	private final Segments segments;
	private final CampaignProcesses processes;
	private final Clock clock;

	Campaigns(JdbcClient jdbc, Segments segments, CampaignProcesses processes, Clock clock) {
		this.jdbc = jdbc;
		this.segments = segments;
		this.processes = processes;
		this.clock = clock;
	}

	/** Stores the campaign and starts its process, which queues the audience at once. */
	@Transactional
	public Campaign create(Campaign asked) {
		if (asked.key() == null || !asked.key().matches("[A-Za-z0-9_-]{1,100}")) {
			throw new CampaignInvalid("key", "must be 1-100 letters, digits, - or _");
		}
		if (find(asked.key()).isPresent()) {
			throw new CampaignInvalid("key", "a campaign " + asked.key() + " exists already");
		}
		if (asked.segment() == null || segments.find(asked.segment()).isEmpty()) {
			throw new CampaignInvalid("segment", "must name a stored segment");
		}
		if (asked.template() == null || !asked.template().matches("[A-Za-z0-9_-]{1,100}")) {
			throw new CampaignInvalid("template", "must name a template in templates/<channel>/campaigns/");
		}
		List<String> channels = asked.channels() == null || asked.channels().isEmpty() ? List.of("email")
				: asked.channels();
		if (!Channel.keys().containsAll(channels)) {
			throw new CampaignInvalid("channels", "must be among " + String.join(", ", Channel.keys()));
		}
		String sendAt = asked.sendAt() == null ? Instant.now(clock).toString() : asked.sendAt();
		try {
			if (asked.localTime()) {
				LocalDateTime.parse(sendAt);
			}
			else {
				Instant.parse(sendAt);
			}
		}
		catch (DateTimeParseException e) {
			throw new CampaignInvalid("sendAt", asked.localTime() ? "must be a local date-time such as 2026-11-27T09:00"
					: "must be an instant such as 2026-11-27T08:00:00Z");
		}
		int perMinute = asked.perMinute() <= 0 ? 1000 : asked.perMinute();
		Campaign campaign = new Campaign(asked.key(), asked.name() == null ? asked.key() : asked.name(), asked.segment(),
				asked.template(), channels, sendAt, asked.localTime(), perMinute, "running");
		jdbc.sql("""
				insert into campaigns (campaign_key, name, segment_key, template, channels, send_at, local_time, per_minute,
				  status, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, 'running', ?)""")
				.params(campaign.key(), campaign.name(), campaign.segment(), campaign.template(),
						String.join(",", channels), sendAt, campaign.localTime(), perMinute,
						Timestamp.from(Instant.now(clock)))
				.update();
		String instance = processes.start(campaign.key());
		jdbc.sql("update campaigns set process_instance_id = ? where campaign_key = ?").params(instance, campaign.key())
				.update();
		return campaign;
	}

	public Optional<Campaign> find(String key) {
		return jdbc.sql("""
				select campaign_key, name, segment_key, template, channels, send_at, local_time, per_minute, status
				from campaigns where campaign_key = ?""")
				.param(key)
				.query((rs, n) -> new Campaign(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
						Arrays.asList(rs.getString(5).split(",")), rs.getString(6), rs.getBoolean(7), rs.getInt(8),
						rs.getString(9)))
				.optional();
	}

	public List<String> keys() {
		return jdbc.sql("select campaign_key from campaigns order by created_at").query(String.class).list();
	}

	public Optional<CampaignProgress> progress(String key) {
		return find(key).map(campaign -> {
			Map<String, Long> counts = new LinkedHashMap<>();
			jdbc.sql("select status, count(*) from campaign_recipients where campaign_key = ? group by status").param(key)
					.query((rs, n) -> counts.put(rs.getString(1), rs.getLong(2))).list();
			Map<String, Long> skippedBy = new LinkedHashMap<>();
			jdbc.sql("""
					select coalesce(reason, 'unknown'), count(*) from campaign_recipients
					where campaign_key = ? and status = 'skipped' group by coalesce(reason, 'unknown')""").param(key)
					.query((rs, n) -> skippedBy.put(rs.getString(1), rs.getLong(2))).list();
			return new CampaignProgress(campaign, counts.getOrDefault("queued", 0L), counts.getOrDefault("sent", 0L),
					counts.getOrDefault("skipped", 0L), counts.getOrDefault("failed", 0L), skippedBy);
		});
	}

	/** Holds the campaign where it is: nothing more is sent until it is resumed. */
	@Transactional
	public boolean pause(String key) {
		return find(key).filter(campaign -> campaign.status().equals("running")).map(campaign -> {
			processes.suspend(processInstance(key));
			jdbc.sql("update campaigns set status = 'paused' where campaign_key = ?").param(key).update();
			return true;
		}).orElse(false);
	}

	@Transactional
	public boolean resume(String key) {
		return find(key).filter(campaign -> campaign.status().equals("paused")).map(campaign -> {
			processes.activate(processInstance(key));
			jdbc.sql("update campaigns set status = 'running' where campaign_key = ?").param(key).update();
			return true;
		}).orElse(false);
	}

	void finished(String key) {
		jdbc.sql("update campaigns set status = 'done' where campaign_key = ?").param(key).update();
	}

	private String processInstance(String key) {
		return jdbc.sql("select process_instance_id from campaigns where campaign_key = ?").param(key)
				.query(String.class).single();
	}
}
