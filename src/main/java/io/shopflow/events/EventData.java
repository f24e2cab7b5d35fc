package io.shopflow.events;

import static io.shopflow.events.EventTypes.*;

import java.util.Set;

import io.shopflow.events.ShopEvent.*;

/** The data schema of each known event type (docs/api.md), required fields first. */
final class EventData {

	private static final Set<String> KNOWN = Set.of(CUSTOMER_REGISTERED, CUSTOMER_UPDATED, NEWSLETTER_SUBSCRIBED,
			PRODUCT_VIEWED, CART_UPDATED, CHECKOUT_STARTED, ORDER_PLACED, ORDER_DELIVERED, CUSTOMER_UNSUBSCRIBED,
			PUSH_SUBSCRIBED, PRODUCT_RESTOCKED);

	/** Types about the shop rather than one customer: subject is optional. */
	private static final Set<String> SHOP_WIDE = Set.of(PRODUCT_RESTOCKED);

	private static final Set<String> CHANNELS = Set.of("email", "sms", "push", "all");

	private EventData() {
	}

	static boolean knows(String type) {
		return KNOWN.contains(type);
	}

	static boolean aboutOneCustomer(String type) {
		return KNOWN.contains(type) && !SHOP_WIDE.contains(type);
	}

	static ShopEvent read(Envelope envelope, Fields data) {
		return switch (envelope.type()) {
			case CUSTOMER_REGISTERED -> new CustomerRegistered(envelope, profile(data, true), consent(data));
			case CUSTOMER_UPDATED -> new CustomerUpdated(envelope, profile(data, false), consent(data));
			case NEWSLETTER_SUBSCRIBED -> new NewsletterSubscribed(envelope, profile(data, true), consent(data));
			case PRODUCT_VIEWED -> new ProductViewed(envelope, data.requiredText("productId"), data.optionalText("name"),
					data.optionalText("url"), data.optionalText("imageUrl"), data.optionalDecimal("price"),
					data.currency("currency", false), data.optionalText("category"),
					data.duration("consumptionInterval"));
			case CART_UPDATED -> new CartUpdated(envelope, data.requiredText("cartId"),
					data.requiredList("items", EventData::item), data.requiredDecimal("total"),
					data.currency("currency", true), data.optionalText("cartUrl"));
			case CHECKOUT_STARTED -> new CheckoutStarted(envelope, data.requiredText("cartId"),
					data.optionalDecimal("total"), data.currency("currency", false));
			case ORDER_PLACED -> new OrderPlaced(envelope, data.requiredText("orderId"),
					data.requiredList("items", EventData::item), data.requiredDecimal("total"),
					data.currency("currency", true), data.optionalText("cartId"), data.optionalText("couponCode"));
			case ORDER_DELIVERED -> new OrderDelivered(envelope, data.requiredText("orderId"));
			case CUSTOMER_UNSUBSCRIBED -> new CustomerUnsubscribed(envelope, channel(data));
			case PRODUCT_RESTOCKED -> new ProductRestocked(envelope, data.requiredText("productId"),
					data.optionalText("name"), data.optionalText("url"), data.optionalText("imageUrl"),
					data.optionalDecimal("price"), data.currency("currency", false));
			case PUSH_SUBSCRIBED -> new PushSubscribed(envelope, data.requiredObject("subscription"));
			default -> new OtherEvent(envelope);
		};
	}

	private static Profile profile(Fields data, boolean emailRequired) {
		return new Profile(data.email("email", emailRequired), data.optionalText("firstName"),
				data.optionalText("lastName"), data.phone("phone"), data.locale("locale"), data.timeZone("timeZone"),
				data.date("birthday"));
	}

	private static ConsentFlags consent(Fields data) {
		Fields consent = data.object("consent");
		if (consent == null) {
			return ConsentFlags.NONE;
		}
		return new ConsentFlags(consent.optionalBoolean("email"), consent.optionalBoolean("sms"),
				consent.optionalBoolean("push"), consent.optionalText("text"), consent.optionalText("version"));
	}

	private static Item item(Fields item) {
		return new Item(item.requiredText("productId"), item.optionalText("name"), item.positiveInt("quantity", 1),
				item.optionalDecimal("price"), item.optionalText("url"), item.optionalText("imageUrl"),
				item.duration("consumptionInterval"));
	}

	private static String channel(Fields data) {
		String channel = data.requiredText("channel");
		if (channel != null && !CHANNELS.contains(channel)) {
			data.bad("channel", "must be one of email, sms, push, all");
			return null;
		}
		return channel;
	}
}
