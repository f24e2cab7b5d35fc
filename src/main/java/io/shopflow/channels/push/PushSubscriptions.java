package io.shopflow.channels.push;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class PushSubscriptions {

	private final JdbcClient jdbc;
	private final Clock clock;

	PushSubscriptions(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	public List<PushSubscription> of(String customerId) {
		return jdbc.sql("select customer_id, endpoint, p256dh, auth from push_subscriptions where customer_id = ?")
				.param(customerId)
				.query((rs, n) -> new PushSubscription(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
				.list();
	}

	/** A browser re-subscribing keeps one row per endpoint, with its latest keys and owner. */
	void save(PushSubscription subscription) {
		int updated = jdbc.sql("update push_subscriptions set customer_id = ?, p256dh = ?, auth = ? where endpoint = ?")
				.params(subscription.customerId(), subscription.p256dh(), subscription.auth(), subscription.endpoint())
				.update();
		if (updated == 0) {
			jdbc.sql("""
					insert into push_subscriptions (endpoint, customer_id, p256dh, auth, created_at)
					values (?, ?, ?, ?, ?)""")
					.params(subscription.endpoint(), subscription.customerId(), subscription.p256dh(),
							subscription.auth(), Timestamp.from(Instant.now(clock)))
					.update();
		}
	}

	void remove(String endpoint) {
		jdbc.sql("delete from push_subscriptions where endpoint = ?").param(endpoint).update();
	}
}
