package io.shopflow.customers;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;

import io.shopflow.events.Channel;
import io.shopflow.support.InsertIfAbsent;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Marketing consent per customer and channel. Opt-in: no row means no consent. Every change is kept with
 * its source and time, which is what a shop must be able to show a regulator. Changes are ordered by when they
 * took effect (effective_at: the event's own time, never later than now): one older than the channel's current
 * consent does not override it, as when a captured webhook is replayed after the customer unsubscribed.
 */
@Repository
public class Consents {

	private final JdbcClient jdbc;
	private final InsertIfAbsent inserts;
	private final Clock clock;

	Consents(JdbcClient jdbc, InsertIfAbsent inserts, Clock clock) {
		this.jdbc = jdbc;
		this.inserts = inserts;
		this.clock = clock;
	}

	public boolean granted(String customerId, Channel channel) {
		return jdbc.sql("select granted from consents where customer_id = ? and channel = ?")
				.params(customerId, channel.key())
				.query(Boolean.class)
				.optional()
				.orElse(false);
	}

	/** Identifies the customer's latest grant of any consent (0: none yet); a new grant, a new value. */
	public long lastGrant(String customerId) {
		return jdbc.sql("select coalesce(max(id), 0) from consent_changes where customer_id = ? and granted = true")
				.param(customerId).query(Long.class).single();
	}

	/** Records the change only when it is one, so repeating a consent does not rewrite its history. */
	public void set(String customerId, Channel channel, boolean granted, String source, String eventId) {
		set(customerId, channel, granted, source, eventId, null, null);
	}

	/** text and version: the wording the customer agreed to, or its version, when the shop says. */
	public void set(String customerId, Channel channel, boolean granted, String source, String eventId, String text,
			String version) {
		set(customerId, channel, granted, source, eventId, text, version, null);
	}

	/**
	 * at: when the change took effect by its source (null or later than now: now). A change older than the
	 * channel's current consent is ignored; the same consent again only moves its effective time on.
	 */
	public void set(String customerId, Channel channel, boolean granted, String source, String eventId, String text,
			String version, Instant at) {
		Timestamp now = Timestamp.from(Instant.now(clock));
		Timestamp effective = at == null || at.isAfter(now.toInstant()) ? now : Timestamp.from(at);
		int changed = jdbc.sql("""
				update consents set granted = ?, source = ?, changed_at = ?, effective_at = ?
				where customer_id = ? and channel = ? and granted <> ? and coalesce(effective_at, changed_at) <= ?""")
				.params(granted, source, now, effective, customerId, channel.key(), granted, effective)
				.update();
		if (changed == 0) {
			changed = inserts.insert("""
					insert into consents (customer_id, channel, granted, source, changed_at, effective_at)
					values (?, ?, ?, ?, ?, ?)""", "customer_id, channel", customerId, channel.key(), granted, source, now,
					effective);
		}
		if (changed == 0) {
			jdbc.sql("""
					update consents set effective_at = ?
					where customer_id = ? and channel = ? and granted = ? and coalesce(effective_at, changed_at) < ?""")
					.params(effective, customerId, channel.key(), granted, effective)
					.update();
			return;
		}
		jdbc.sql("""
				insert into consent_changes (customer_id, channel, granted, source, event_id, consent_text,
				  consent_version, changed_at, effective_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
				.params(customerId, channel.key(), granted, source, eventId, text, version, now, effective)
				.update();
	}
}
