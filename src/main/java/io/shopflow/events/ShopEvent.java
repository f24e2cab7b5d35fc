package io.shopflow.events;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A shop event, after validation. The envelope carries the CloudEvents attributes; each record the
 * data of its type. Flows get only {@link #variables()}: ids and small values, never whole entities.
 */
public sealed interface ShopEvent {

	Envelope envelope();

	default String id() {
		return envelope().id();
	}

	default String type() {
		return envelope().type();
	}

	/** The shop's customer id (CloudEvents subject); the business key of every flow instance. */
	default String customerId() {
		return envelope().subject();
	}

	default Map<String, Object> variables() {
		return Map.of();
	}

	record Profile(String email, String firstName, String lastName, String phone, String locale, String timeZone,
			LocalDate birthday) {
	}

	/**
	 * Consent flags as sent by the shop, per channel; a channel not in the map was "not said", which changes
	 * nothing. text and version are what the customer agreed to (the wording shown, or its version), kept with each
	 * change.
	 */
	record ConsentFlags(Map<Channel, Boolean> said, String text, String version) {

		static final ConsentFlags NONE = new ConsentFlags(Map.of(), null, null);

		public ConsentFlags {
			said = Map.copyOf(said);
		}

		public ConsentFlags(Map<Channel, Boolean> said) {
			this(said, null, null);
		}

		/** null: not said */
		public Boolean granted(Channel channel) {
			return said.get(channel);
		}

		/** The same flags with a channel's consent taken as given when the shop did not say. */
		public ConsentFlags grantedUnlessSaid(Channel channel) {
			Map<Channel, Boolean> with = new java.util.EnumMap<>(Channel.class);
			with.put(channel, Boolean.TRUE);
			with.putAll(said);
			return new ConsentFlags(with, text, version);
		}
	}

	/** consumptionInterval: how long one unit lasts (a consumable), or null. */
	record Item(String productId, String name, int quantity, BigDecimal price, String url, String imageUrl,
			Duration consumptionInterval) {
	}

	record CustomerRegistered(Envelope envelope, Profile profile, ConsentFlags consent) implements ShopEvent {
	}

	record CustomerUpdated(Envelope envelope, Profile profile, ConsentFlags consent) implements ShopEvent {
	}

	record NewsletterSubscribed(Envelope envelope, Profile profile, ConsentFlags consent) implements ShopEvent {
	}

	record ProductViewed(Envelope envelope, String productId, String name, String url, String imageUrl,
			BigDecimal price, String currency, String category, Duration consumptionInterval) implements ShopEvent {

		@Override
		public Map<String, Object> variables() {
			return Map.of("productId", productId);
		}
	}

	record CartUpdated(Envelope envelope, String cartId, List<Item> items, BigDecimal total, String currency,
			String cartUrl) implements ShopEvent {

		@Override
		public Map<String, Object> variables() {
			return Map.of("cartId", cartId, "cartTotal", total.doubleValue(), "currency", currency);
		}
	}

	record CheckoutStarted(Envelope envelope, String cartId, BigDecimal total, String currency) implements ShopEvent {

		@Override
		public Map<String, Object> variables() {
			return Map.of("cartId", cartId);
		}
	}

	record OrderPlaced(Envelope envelope, String orderId, List<Item> items, BigDecimal total, String currency,
			String cartId, String couponCode) implements ShopEvent {

		@Override
		public Map<String, Object> variables() {
			Map<String, Object> variables = new LinkedHashMap<>();
			variables.put("orderId", orderId);
			variables.put("orderTotal", total.doubleValue());
			variables.put("currency", currency);
			return variables;
		}
	}

	record OrderDelivered(Envelope envelope, String orderId) implements ShopEvent {

		@Override
		public Map<String, Object> variables() {
			return Map.of("orderId", orderId);
		}
	}

	/** channel is email, sms, push or all. */
	record CustomerUnsubscribed(Envelope envelope, String channel) implements ShopEvent {

		@Override
		public Map<String, Object> variables() {
			return Map.of("unsubscribedChannel", channel);
		}
	}

	/**
	 * Shop-wide: no customer. Shopflow hands a copy {@link #forCustomer for each customer} who wanted the product
	 * to the flows.
	 */
	record ProductRestocked(Envelope envelope, String productId, String name, String url, String imageUrl,
			BigDecimal price, String currency) implements ShopEvent {

		public ProductRestocked forCustomer(String customerId) {
			return new ProductRestocked(new Envelope(envelope.id() + "/" + customerId, envelope.source(),
					envelope.type(), customerId, envelope.time(), envelope.data()), productId, name, url, imageUrl,
					price, currency);
		}

		@Override
		public Map<String, Object> variables() {
			return Map.of("productId", productId);
		}
	}

	/**
	 * An event Shopflow raises itself (type shopflow.*) because of a shop event, e.g. "replenishment planned" for
	 * each consumable of an order. Routed to flows like shop events; not stored (its cause is).
	 */
	record Raised(Envelope envelope, Map<String, Object> variables) implements ShopEvent {

		/** Raised by Shopflow itself, not because of one shop event (e.g. a scheduled re-evaluation). */
		public static Raised of(String id, String type, String customerId, Map<String, Object> variables) {
			return new Raised(new Envelope(id, "shopflow", type, customerId, null, null), Map.copyOf(variables));
		}

		/** Named after its cause and a discriminator, so it is as unique as the cause. */
		public static Raised by(ShopEvent cause, String type, String discriminator, Map<String, Object> variables) {
			return new Raised(new Envelope(cause.id() + "/" + type + "/" + discriminator, "shopflow", type,
					cause.customerId(), cause.envelope().time(), null), Map.copyOf(variables));
		}
	}

	record PushSubscribed(Envelope envelope, JsonNode subscription) implements ShopEvent {
	}

	/** A type Shopflow does not know (yet): stored, not routed. */
	record OtherEvent(Envelope envelope) implements ShopEvent {
	}
}
