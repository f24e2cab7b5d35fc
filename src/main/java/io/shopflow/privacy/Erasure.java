package io.shopflow.privacy;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.shopflow.flows.CustomerFlows;
import io.shopflow.tracking.ErasedCustomers;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Forgets a customer (GDPR art. 17), in one transaction:
 * <ul>
 * <li>their flows are cancelled and the engine's runtime and history of them deleted, variables included;</li>
 * <li>profile, contact data, consents, carts, interest, push subscriptions, opens and clicks, short links, the
 * outbox copies of their emails, segment memberships, campaign messages not sent yet, Shopflow's own events about
 * them and their event and order counts are deleted; the data of their events is wiped (the ids stay, so a
 * redelivered event is still recognised and not applied again);</li>
 * <li>what the shop's figures need (send log, orders, coupons, attributions, survey answers, campaign results)
 * keeps only a random pseudonym, which nothing links back to the customer;</li>
 * <li>a record that an erasure happened, with the pseudonym and the time, stays;</li>
 * <li>so does a tombstone, a keyed hash of the id ({@link ErasedCustomers}): their old links answer 410 and the
 * shop's later events about them are dropped, until they register again.</li>
 * </ul>
 * Whatever the customer holds: one known only from a cart or a profile update, without an email address, too.
 */
@Service
public class Erasure {

	private static final Logger log = LoggerFactory.getLogger(Erasure.class);

	private final JdbcClient jdbc;
	private final CustomerFlows flows;
	private final ErasedCustomers tombstones;
	private final Clock clock;

	Erasure(JdbcClient jdbc, CustomerFlows flows, ErasedCustomers tombstones, Clock clock) {
		this.jdbc = jdbc;
		this.flows = flows;
		this.tombstones = tombstones;
		this.clock = clock;
	}

	/** @return what was erased, by kind; empty when Shopflow knows no such customer */
	@Transactional
	public Optional<Map<String, Integer>> erase(String customerId) {
		// a row of its own: a customer without an email address is a customer all the same
		Optional<Optional<String>> customer = jdbc.sql("select email from customers where id = ? for update")
				.param(customerId).query((rs, n) -> Optional.ofNullable(rs.getString(1))).optional();
		if (customer.isEmpty()) {
			return Optional.empty();
		}
		Optional<String> email = customer.get();
		Instant now = Instant.now(clock);
		String pseudonym = "erased-" + UUID.randomUUID();
		Map<String, Integer> erased = new LinkedHashMap<>();
		erased.put("flowInstances", flows.erase(customerId));
		erased.put("opensAndClicks", update("""
				delete from tracking_events where send_id in (select id from send_log where customer_id = ?)""", customerId));
		erased.put("shortLinks", update("""
				delete from short_links where send_id in (select id from send_log where customer_id = ?)""", customerId));
		if (email.isPresent()) {
			erased.put("outboxEmails", update("delete from outbox where recipient = ?", email.get()));
		}
		erased.put("events", update("update shop_events set subject = null, data = null where subject = ?", customerId));
		erased.put("eventCounts", update("delete from customer_event_days where customer_id = ?", customerId));
		update("delete from customer_event_totals where customer_id = ?", customerId);
		update("delete from customer_order_totals where customer_id = ?", customerId);
		erased.put("carts", update("delete from carts where customer_id = ?", customerId));
		erased.put("productInterest", update("delete from product_interest where customer_id = ?", customerId));
		erased.put("pushSubscriptions", update("delete from push_subscriptions where customer_id = ?", customerId));
		erased.put("segmentMemberships", update("delete from segment_members where customer_id = ?", customerId));
		erased.put("shopflowEvents", update("delete from outbound_events where subject = ?", customerId));
		update("delete from campaign_recipients where customer_id = ? and status = 'queued'", customerId);
		erased.put("consentChanges", update("delete from consent_changes where customer_id = ?", customerId));
		update("delete from consents where customer_id = ?", customerId);
		update("delete from send_locks where customer_id = ?", customerId);
		erased.put("messages", pseudonymise("send_log", customerId, pseudonym));
		jdbc.sql("update send_log set reason = null where customer_id = ? and status = 'SKIPPED'").param(pseudonym).update();
		erased.put("orders", pseudonymise("orders", customerId, pseudonym));
		erased.put("coupons", pseudonymise("coupons", customerId, pseudonym));
		erased.put("attributions", pseudonymise("attributions", customerId, pseudonym));
		erased.put("surveyAnswers", pseudonymise("survey_answers", customerId, pseudonym));
		pseudonymise("campaign_recipients", customerId, pseudonym);
		update("delete from customers where id = ?", customerId);
		jdbc.sql("insert into erasures (pseudonym, erased_at) values (?, ?)").params(pseudonym, Timestamp.from(now))
				.update();
		tombstones.remember(customerId, now);
		log.info("Erased a customer as {}: {}", pseudonym, erased);
		return Optional.of(erased);
	}

	private int update(String sql, String customerId) {
		return jdbc.sql(sql).param(customerId).update();
	}

	/** table is one of the constants above, never input. */
	private int pseudonymise(String table, String customerId, String pseudonym) {
		return jdbc.sql("update " + table + " set customer_id = ? where customer_id = ?").params(pseudonym, customerId)
				.update();
	}
}
