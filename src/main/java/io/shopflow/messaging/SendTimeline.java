package io.shopflow.messaging;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.shopflow.timeline.TimelineEntry;
import io.shopflow.timeline.TimelineSource;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Every send decision: sent, skipped (capped, no consent, ...), deferred (quiet hours) or failed. */
@Component
class SendTimeline implements TimelineSource {

	private final JdbcClient jdbc;

	SendTimeline(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public List<TimelineEntry> entriesOf(String customerId) {
		return jdbc.sql("""
				select flow, step, channel, status, reason, coalesce(sent_at, updated_at), delivery_status, send_key
				from send_log where customer_id = ? order by created_at""")
				.param(customerId)
				.query((rs, n) -> {
					String status = rs.getString(4);
					String kind = "PENDING".equals(status) && rs.getString(5) != null ? "message-deferred"
							: "message-" + status.toLowerCase(Locale.ROOT);
					Map<String, Object> details = new LinkedHashMap<>();
					details.put("flow", rs.getString(1));
					details.put("step", rs.getString(2));
					details.put("channel", rs.getString(3));
					details.put("sendKey", rs.getString(8));
					if (rs.getString(7) != null) {
						details.put("delivery", rs.getString(7));
					}
					return new TimelineEntry(rs.getTimestamp(6).toInstant(), kind,
							rs.getString(1) + " / " + rs.getString(2) + " by " + rs.getString(3), rs.getString(5), details);
				})
				.list();
	}
}
