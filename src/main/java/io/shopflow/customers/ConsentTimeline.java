package io.shopflow.customers;

import java.util.List;
import java.util.Map;

import io.shopflow.timeline.TimelineEntry;
import io.shopflow.timeline.TimelineSource;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

@Component
class ConsentTimeline implements TimelineSource {

	private final JdbcClient jdbc;

	ConsentTimeline(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public List<TimelineEntry> entriesOf(String customerId) {
		return jdbc.sql("""
				select channel, granted, source, event_id, changed_at from consent_changes
				where customer_id = ? order by changed_at""")
				.param(customerId)
				.query((rs, n) -> new TimelineEntry(rs.getTimestamp(5).toInstant(), "consent",
						rs.getString(1) + " consent " + (rs.getBoolean(2) ? "given" : "withdrawn"), null,
						Map.of("channel", rs.getString(1), "granted", rs.getBoolean(2), "source", rs.getString(3))))
				.list();
	}
}
