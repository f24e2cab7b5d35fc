package io.shopflow.attribution;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import io.shopflow.events.DerivedEvents;
import io.shopflow.events.EventPipeline.Step;
import io.shopflow.events.ShopEvent;
import io.shopflow.events.ShopEvent.OrderPlaced;
import io.shopflow.events.ShopEventHandler;
import io.shopflow.support.InsertIfAbsent;
import io.shopflow.tracking.TrackingRecorder;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Gives each order to the message that won it, as Klaviyo does:
 * <ol>
 * <li>the flow's coupon code, if the order used one, whatever the time: the send that carried it;</li>
 * <li>else the last click within the click window before the order;</li>
 * <li>else the last open within the open window.</li>
 * </ol>
 * Machine opens and clicks (prefetch, image proxies, Apple Mail Privacy Protection) never count. The order's
 * total is the revenue; a redeemed coupon is marked so.
 */
@Component
class OrderAttribution implements ShopEventHandler {

	private static final Logger log = LoggerFactory.getLogger(OrderAttribution.class);

	record Touch(long sendId, String flow, String step, String variant, String model) {
	}

	private final JdbcClient jdbc;
	private final InsertIfAbsent inserts;
	private final TrackingRecorder tracking;
	private final AttributionSettings settings;
	private final Clock clock;

	OrderAttribution(JdbcClient jdbc, InsertIfAbsent inserts, TrackingRecorder tracking, AttributionSettings settings,
			Clock clock) {
		this.jdbc = jdbc;
		this.inserts = inserts;
		this.tracking = tracking;
		this.settings = settings;
		this.clock = clock;
	}

	@Override
	public Step step() {
		return Step.ATTRIBUTION;
	}

	@Override
	public void handle(ShopEvent event, DerivedEvents derived) {
		if (!(event instanceof OrderPlaced order)) {
			return;
		}
		Instant at = order.envelope().time() == null ? Instant.now(clock) : order.envelope().time().toInstant();
		Optional<Touch> touch = byCoupon(order).or(() -> {
			// a click a moment ago may still be on its way to the database
			tracking.flush();
			return lastTouch(order.customerId(), "click", at, settings.clickWindow().toMillis());
		}).or(() -> lastTouch(order.customerId(), "open", at, settings.openWindow().toMillis()));
		touch.ifPresent(won -> {
			inserts.insert("""
					insert into attributions (order_id, customer_id, send_id, flow, step, variant, model, revenue,
					  currency, ordered_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", "order_id", order.orderId(),
					order.customerId(), won.sendId(), won.flow(), won.step(), won.variant(), won.model(), order.total(),
					order.currency(), Timestamp.from(at));
			log.debug("Order {} attributed to {} {} ({})", order.orderId(), won.flow(), won.step(), won.model());
		});
	}

	private Optional<Touch> byCoupon(OrderPlaced order) {
		if (order.couponCode() == null) {
			return Optional.empty();
		}
		jdbc.sql("update coupons set redeemed_order_id = ? where upper(code) = upper(?) and redeemed_order_id is null")
				.params(order.orderId(), order.couponCode()).update();
		return jdbc.sql("""
				select s.id, s.flow, s.step, s.variant from coupons c
				join send_log s on s.process_instance_id = c.process_instance_id and s.status = 'SENT'
				  and s.sent_at >= c.issued_at
				where upper(c.code) = upper(?)
				order by s.sent_at limit 1""")
				.param(order.couponCode())
				.query((rs, n) -> new Touch(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), "coupon"))
				.optional();
	}

	private Optional<Touch> lastTouch(String customerId, String kind, Instant at, long windowMillis) {
		return jdbc.sql("""
				select s.id, s.flow, s.step, s.variant from tracking_events t
				join send_log s on s.id = t.send_id
				where s.customer_id = ? and t.kind = ? and t.flag is null and t.at <= ? and t.at >= ?
				order by t.at desc limit 1""")
				.params(customerId, kind, Timestamp.from(at), Timestamp.from(at.minusMillis(windowMillis)))
				.query((rs, n) -> new Touch(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), kind))
				.optional();
	}
}
