package io.shopflow.events;

import java.util.List;
import java.util.Map;

import io.shopflow.timeline.TimelineEntry;
import io.shopflow.timeline.TimelineSource;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

@Component
class EventTimeline implements TimelineSource {

	private final JdbcClient jdbc;

	EventTimeline(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public List<TimelineEntry> entriesOf(String customerId) {
		return jdbc.sql("select id, type, source, received_at from shop_events where subject = ? order by received_at")
				.param(customerId)
				.query((rs, n) -> new TimelineEntry(rs.getTimestamp(4).toInstant(), "event", rs.getString(2), null,
						Map.of("id", rs.getString(1), "source", rs.getString(3))))
				.list();
	}
}
