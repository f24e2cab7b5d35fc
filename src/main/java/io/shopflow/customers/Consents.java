package io.shopflow.customers;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;

import io.shopflow.support.InsertIfAbsent;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Marketing consent per customer and channel. Opt-in: no row means no consent. Every change is kept with
 * its source and time, which is what a shop must be able to show a regulator.
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
		Timestamp now = Timestamp.from(Instant.now(clock));
		int changed = jdbc.sql("""
				update consents set granted = ?, source = ?, changed_at = ?
				where customer_id = ? and channel = ? and granted <> ?""")
				.params(granted, source, now, customerId, channel.key(), granted)
				.update();
		if (changed == 0) {
			changed = inserts.insert("""
					insert into consents (customer_id, channel, granted, source, changed_at)
					values (?, ?, ?, ?, ?)""", "customer_id, channel", customerId, channel.key(), granted, source, now);
		}
		if (changed > 0) {
			jdbc.sql("""
					insert into consent_changes (customer_id, channel, granted, source, event_id, consent_text,
					  consent_version, changed_at)
					values (?, ?, ?, ?, ?, ?, ?, ?)""")
					.params(customerId, channel.key(), granted, source, eventId, text, version, now)
					.update();
		}
	}
}
