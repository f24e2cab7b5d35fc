package io.shopflow.events;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.shopflow.support.InsertIfAbsent;

import org.springframework.stereotype.Repository;

/**
 * Every event received, once: the primary key on the id turns a redelivery into a no-op. The new ones are
 * counted per customer at the same time (EventCounts).
 */
@Repository
class ReceivedEvents {

	private static final String INSERT = """
			insert into shop_events (id, type, source, subject, event_time, received_at, data)
			values (?, ?, ?, ?, ?, ?, ?)""";

	private final InsertIfAbsent inserts;
	private final EventCounts counts;
	private final Clock clock;

	ReceivedEvents(InsertIfAbsent inserts, EventCounts counts, Clock clock) {
		this.inserts = inserts;
		this.counts = counts;
		this.clock = clock;
	}

	/** Records the events and returns those not seen before, in order. */
	List<ShopEvent> recordNew(List<ShopEvent> events) {
		Instant receivedAt = Instant.now(clock);
		Timestamp now = Timestamp.from(receivedAt);
		int[] inserted = inserts.insertAll(INSERT, "id", events, (ps, event) -> {
			Envelope e = event.envelope();
			ps.setString(1, e.id());
			ps.setString(2, e.type());
			ps.setString(3, e.source());
			ps.setString(4, e.subject());
			ps.setTimestamp(5, e.time() == null ? null : Timestamp.from(e.time().toInstant()));
			ps.setTimestamp(6, now);
			ps.setString(7, e.data() == null ? null : e.data().toString());
		});
		List<ShopEvent> fresh = new ArrayList<>();
		for (int i = 0; i < events.size(); i++) {
			if (inserted[i] != 0) {
				fresh.add(events.get(i));
			}
		}
		counts.add(fresh, receivedAt);
		return fresh;
	}
}
