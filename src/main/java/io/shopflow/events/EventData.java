package io.shopflow.events;

import static io.shopflow.events.EventTypes.*;
import static io.shopflow.events.TextFormat.*;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.shopflow.events.ShopEvent.*;

/** The data schema of each known event type (docs/api.md), required fields first. */
final class EventData {

	private static final Set<String> KNOWN = Set.of(CUSTOMER_REGISTERED, CUSTOMER_UPDATED, NEWSLETTER_SUBSCRIBED,
			PRODUCT_VIEWED, CART_UPDATED, CHECKOUT_STARTED, ORDER_PLACED, ORDER_DELIVERED, CUSTOMER_UNSUBSCRIBED,
			PUSH_SUBSCRIBED, PRODUCT_RESTOCKED);

	/** Types about the shop rather than one customer: subject is optional. */
	private static final Set<String> SHOP_WIDE = Set.of(PRODUCT_RESTOCKED);

	/** What an unsubscribe may name besides a channel: every channel at once. */
	private static final String ALL_CHANNELS = "all";

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
					data.optionalText("url", URL), data.optionalText("imageUrl", URL), data.amount("price", false),
					data.optionalText("currency", CURRENCY), data.optionalText("category"),
					data.duration("consumptionInterval"));
			case CART_UPDATED -> new CartUpdated(envelope, data.requiredText("cartId"),
					items(data), data.amount("total", true), data.requiredText("currency", CURRENCY), data.optionalText("cartUrl", URL));
			case CHECKOUT_STARTED -> new CheckoutStarted(envelope, data.requiredText("cartId"),
					data.amount("total", false), data.optionalText("currency", CURRENCY));
			case ORDER_PLACED -> new OrderPlaced(envelope, data.requiredText("orderId"),
					items(data), data.amount("total", true), data.requiredText("currency", CURRENCY),
					data.optionalText("cartId"), data.optionalText("couponCode"));
			case ORDER_DELIVERED -> new OrderDelivered(envelope, data.requiredText("orderId"));
			case CUSTOMER_UNSUBSCRIBED -> new CustomerUnsubscribed(envelope, channel(data));
			case PRODUCT_RESTOCKED -> new ProductRestocked(envelope, data.requiredText("productId"),
					data.optionalText("name"), data.optionalText("url", URL), data.optionalText("imageUrl", URL), data.amount("price", false),
					data.optionalText("currency", CURRENCY));
			case PUSH_SUBSCRIBED -> new PushSubscribed(envelope, data.requiredObject("subscription"));
			default -> new OtherEvent(envelope);
		};
	}

	private static Profile profile(Fields data, boolean emailRequired) {
		return new Profile(emailRequired ? data.requiredText("email", EMAIL) : data.optionalText("email", EMAIL), data.optionalText("firstName"),
				data.optionalText("lastName"), data.optionalText("phone", PHONE), data.optionalText("locale", LOCALE), data.optionalText("timeZone", TIME_ZONE),
				data.date("birthday"));
	}

	private static ConsentFlags consent(Fields data) {
		Fields consent = data.object("consent");
		if (consent == null) {
			return ConsentFlags.NONE;
		}
		Map<Channel, Boolean> said = new EnumMap<>(Channel.class);
		for (Channel channel : Channel.values()) {
			Boolean granted = consent.optionalBoolean(channel.key());
			if (granted != null) {
				said.put(channel, granted);
			}
		}
		return new ConsentFlags(said, consent.optionalText("text"), consent.optionalText("version"));
	}

	/** The lines of a cart or order; lines of one product are added up into one int column (order_lines). */
	private static List<Item> items(Fields data) {
		List<Item> items = data.requiredList("items", EventData::item);
		Map<String, Long> quantities = new HashMap<>();
		for (Item item : items) {
			if (item.productId() != null
					&& quantities.merge(item.productId(), (long) item.quantity(), Long::sum) > Integer.MAX_VALUE) {
				data.bad("items", "the quantities of product " + item.productId() + " add up to more than "
						+ Integer.MAX_VALUE);
				break;
			}
		}
		return items;
	}

	private static Item item(Fields item) {
		return new Item(item.requiredText("productId"), item.optionalText("name"), item.positiveInt("quantity", 1),
				item.amount("price", false), item.optionalText("url", URL), item.optionalText("imageUrl", URL),
				item.duration("consumptionInterval"));
	}

	private static String channel(Fields data) {
		String channel = data.requiredText("channel");
		if (channel != null && !ALL_CHANNELS.equals(channel) && Channel.find(channel).isEmpty()) {
			data.bad("channel", "must be one of " + String.join(", ", Channel.keys()) + ", " + ALL_CHANNELS);
			return null;
		}
		return channel;
	}
}
