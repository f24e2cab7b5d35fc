package io.shopflow.outbound;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.shopflow.support.Hmac;
import io.shopflow.support.InsertIfAbsent;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Publishes the outbox, oldest first, as CloudEvents: to Kafka (key = customer id) and/or a webhook signed with
 * HMAC-SHA256 (X-Shopflow-Signature: sha256=&lt;hex&gt;). Rows are claimed with FOR UPDATE SKIP LOCKED, so nodes
 * share the work; a row is marked published in the same transaction, after the destination took it. A failure
 * is retried with growing pauses (2 s doubling to 1 h). A crash between the send and the commit sends a row
 * again: delivery is at least once, and the CloudEvent id lets consumers drop the repeat.
 */
@Component
class OutboundPublisher {

	private static final Logger log = LoggerFactory.getLogger(OutboundPublisher.class);
	private static final int BATCH = 100;

	private final JdbcClient jdbc;
	private final TransactionTemplate transaction;
	private final OutboundSettings settings;
	private final ObjectProvider<KafkaTemplate<Object, Object>> kafka;
	private final ObjectMapper json;
	private final Clock clock;
	private final boolean skipLocked;
	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	OutboundPublisher(JdbcClient jdbc, TransactionTemplate transaction, OutboundSettings settings,
			ObjectProvider<KafkaTemplate<Object, Object>> kafka, ObjectMapper json, Clock clock, InsertIfAbsent dialect) {
		this.jdbc = jdbc;
		this.transaction = transaction;
		this.settings = settings;
		this.kafka = kafka;
		this.json = json;
		this.clock = clock;
		this.skipLocked = dialect.postgres();
	}

	@Scheduled(fixedDelayString = "${shopflow.outbound.poll:PT1S}")
	void publish() {
		Integer published;
		do {
			published = transaction.execute(status -> publishBatch());
		}
		while (published != null && published == BATCH);
	}

	/** Published rows are kept a week for inspection. */
	@Scheduled(fixedDelayString = "PT1H")
	void forgetPublished() {
		jdbc.sql("delete from outbound_events where published_at < ?")
				.param(Timestamp.from(Instant.now(clock).minus(Duration.ofDays(7)))).update();
	}

	private int publishBatch() {
		record Row(long id, String eventId, String type, String subject, String data, Timestamp createdAt, int attempts,
				boolean inKafka, boolean inWebhook) {
		}
		List<Row> rows = jdbc.sql("""
				select id, event_id, type, subject, data, created_at, attempts, kafka_at, webhook_at from outbound_events
				where published_at is null and next_attempt_at <= ? order by id limit %d for update%s"""
				.formatted(BATCH, skipLocked ? " skip locked" : ""))
				.param(Timestamp.from(Instant.now(clock)))
				.query((rs, n) -> new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
						rs.getString(5), rs.getTimestamp(6), rs.getInt(7), rs.getTimestamp(8) != null,
						rs.getTimestamp(9) != null))
				.list();
		for (Row row : rows) {
			Timestamp kafkaAt = null;
			Timestamp webhookAt = null;
			try {
				String event = cloudEvent(row.eventId(), row.type(), row.subject(), row.data(), row.createdAt().toInstant());
				if (kafkaEnabled() && !row.inKafka()) {
					toKafka(row.subject(), event);
					kafkaAt = now();
				}
				if (webhookEnabled() && !row.inWebhook()) {
					toWebhook(event);
					webhookAt = now();
				}
				// one write per event: the destinations reached and the end, in the batch's transaction
				jdbc.sql("""
						update outbound_events set kafka_at = coalesce(?, kafka_at), webhook_at = coalesce(?, webhook_at),
						 published_at = ?, last_error = null where id = ?""")
						.params(kafkaAt, webhookAt, now(), row.id()).update();
			}
			catch (Exception e) {
				long pause = Math.min(3600, 2L << Math.min(row.attempts(), 11));
				log.warn("Publishing outbound event {} failed (attempt {}), next in {} s: {}", row.eventId(),
						row.attempts() + 1, pause, e.toString());
				// a destination already reached is remembered, so the retry does not deliver there twice
				jdbc.sql("""
						update outbound_events set kafka_at = coalesce(?, kafka_at), webhook_at = coalesce(?, webhook_at),
						 attempts = attempts + 1, next_attempt_at = ?, last_error = ? where id = ?""")
						.params(kafkaAt, webhookAt, Timestamp.from(Instant.now(clock).plusSeconds(pause)),
								e.toString().substring(0, Math.min(e.toString().length(), 500)), row.id())
						.update();
			}
		}
		return rows.size();
	}

	private Timestamp now() {
		return Timestamp.from(Instant.now(clock));
	}

	private boolean kafkaEnabled() {
		return kafka.getIfAvailable() != null && settings.kafkaTopic() != null && !settings.kafkaTopic().isBlank();
	}

	private boolean webhookEnabled() {
		return settings.webhook() != null && settings.webhook().enabled();
	}

	private void toKafka(String subject, String event) throws Exception {
		kafka.getObject().send(settings.kafkaTopic(), subject, event).get(10, TimeUnit.SECONDS);
	}

	private void toWebhook(String event) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(settings.webhook().url()))
				.timeout(Duration.ofSeconds(10))
				.header("Content-Type", "application/cloudevents+json")
				.POST(HttpRequest.BodyPublishers.ofString(event));
		if (settings.webhook().secret() != null && !settings.webhook().secret().isBlank()) {
			request.header("X-Shopflow-Signature", "sha256=" + sign(event, settings.webhook().secret()));
		}
		int status = http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
		if (status / 100 != 2) {
			throw new IllegalStateException("webhook answered " + status);
		}
	}

	private String cloudEvent(String id, String type, String subject, String data, Instant time) throws Exception {
		ObjectNode event = json.createObjectNode()
				.put("specversion", "1.0").put("id", id).put("source", "shopflow").put("type", type)
				.put("subject", subject).put("time", time.toString()).put("datacontenttype", "application/json");
		event.set("data", json.readTree(data));
		return json.writeValueAsString(event);
	}

	static String sign(String body, String secret) {
		return HexFormat.of().formatHex(Hmac.sha256(secret, body.getBytes(StandardCharsets.UTF_8)));
	}
}
