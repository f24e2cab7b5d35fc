package io.shopflow.outbound;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The transactional outbox: an outbound event is a row written in the transaction of the change it tells of,
 * so it exists exactly when the change committed. {@link OutboundPublisher} sends it afterwards.
 */
@Service
public class OutboundEvents {

	public static final String MESSAGE_SENT = "shopflow.message.sent";
	public static final String MESSAGE_SKIPPED = "shopflow.message.skipped";
	public static final String MESSAGE_OPENED = "shopflow.message.opened";
	public static final String MESSAGE_CLICKED = "shopflow.message.clicked";
	public static final String COUPON_ISSUED = "shopflow.coupon.issued";
	public static final String FLOW_ENTERED = "shopflow.flow.entered";
	public static final String FLOW_EXITED = "shopflow.flow.exited";

	private final JdbcClient jdbc;
	private final ObjectMapper json;
	private final Clock clock;
	private final boolean enabled;

	OutboundEvents(JdbcClient jdbc, ObjectMapper json, Clock clock, OutboundSettings settings,
			@Value("${spring.kafka.bootstrap-servers:}") String kafka) {
		this.jdbc = jdbc;
		this.json = json;
		this.clock = clock;
		this.enabled = (settings.webhook() != null && settings.webhook().enabled())
				|| (!kafka.isBlank() && settings.kafkaTopic() != null && !settings.kafkaTopic().isBlank());
	}

	/** In the caller's transaction; subject is the customer id. */
	public void record(String type, String subject, Map<String, Object> data) {
		if (!enabled) {
			return;
		}
		Timestamp now = Timestamp.from(Instant.now(clock));
		try {
			jdbc.sql("""
					insert into outbound_events (event_id, type, subject, data, created_at, attempts, next_attempt_at)
					values (?, ?, ?, ?, ?, 0, ?)""")
					.params(UUID.randomUUID().toString(), type, subject, json.writeValueAsString(data), now, now)
					.update();
		}
		catch (JsonProcessingException e) {
			throw new IllegalArgumentException(e);
		}
	}
}
