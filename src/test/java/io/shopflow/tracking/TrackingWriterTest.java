package io.shopflow.tracking;

import static io.shopflow.TestEvents.id;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.shopflow.EngineTest;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A batch of opens and clicks as it reaches the database: flagged, marked on its sends, erased customers' left out. */
@EngineTest
class TrackingWriterTest {

	@Autowired
	TrackingWriter writer;

	@Autowired
	JdbcClient jdbc;

	final Instant sentAt = Instant.parse("2026-11-24T10:00:00Z");

	@Test
	void aPersonsClickMarksTheSendOpenedAndClicked() {
		long send = send("c-" + id());
		writer.write(List.of(click(send, "Mozilla/5.0 Firefox/133.0", sentAt.plus(Duration.ofMinutes(5)))));

		assertThat(count("select count(*) from tracking_events where send_id = ? and flag is null", send))
				.as("a person's click, without a flag").isEqualTo(1);
		assertThat(count("select count(*) from send_log where id = ? and opened_at is not null and clicked_at is not null",
				send)).isEqualTo(1);
	}

	@Test
	void anOpenOrClickOfACustomerErasedMeanwhileIsNotWritten() {
		String pseudonym = "erased-" + id();
		long erased = send(pseudonym);
		long kept = send("c-" + id());
		jdbc.sql("insert into erasures (pseudonym, erased_at) values (?, ?)").params(pseudonym, Timestamp.from(sentAt))
				.update();

		Instant later = sentAt.plus(Duration.ofMinutes(5));
		writer.write(List.of(click(erased, "Firefox", later), click(kept, "Firefox", later)));

		assertThat(jdbc.sql("select send_id from tracking_events where send_id in (?, ?)").params(erased, kept)
				.query(Long.class).list()).containsExactly(kept);
		assertThat(count("select count(*) from send_log where id = ? and opened_at is null and clicked_at is null",
				erased)).isEqualTo(1);
	}

	private long send(String customerId) {
		String key = "writer-test-" + id();
		Timestamp at = Timestamp.from(sentAt);
		jdbc.sql("""
				insert into send_log (send_key, customer_id, flow, step, channel, marketing, status, attempts, created_at,
				  updated_at, sent_at) values (?, ?, 'abandoned-cart', 'Task_SendFirstReminder', 'email', true, 'SENT', 1,
				  ?, ?, ?)""").params(key, customerId, at, at, at).update();
		return jdbc.sql("select id from send_log where send_key = ?").param(key).query(Long.class).single();
	}

	private long count(String sql, long send) {
		return jdbc.sql(sql).param(send).query(Long.class).single();
	}

	private static TrackingEvent click(long send, String userAgent, Instant at) {
		return new TrackingEvent(send, TrackedLinks.CLICK, "https://shop.example.com/", userAgent, "192.0.2.1", at);
	}
}
