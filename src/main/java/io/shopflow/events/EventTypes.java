package io.shopflow.events;

/** The event types of the contract (docs/api.md); flows start and wait on messages of these names. */
public final class EventTypes {

	public static final String CUSTOMER_REGISTERED = "shop.customer.registered";
	public static final String CUSTOMER_UPDATED = "shop.customer.updated";
	public static final String NEWSLETTER_SUBSCRIBED = "shop.newsletter.subscribed";
	public static final String PRODUCT_VIEWED = "shop.product.viewed";
	public static final String CART_UPDATED = "shop.cart.updated";
	public static final String CHECKOUT_STARTED = "shop.checkout.started";
	public static final String ORDER_PLACED = "shop.order.placed";
	public static final String ORDER_DELIVERED = "shop.order.delivered";
	public static final String CUSTOMER_UNSUBSCRIBED = "shop.customer.unsubscribed";
	public static final String PUSH_SUBSCRIBED = "shop.push.subscribed";
	/** A product is available again; no subject: Shopflow finds the customers who wanted it. */
	public static final String PRODUCT_RESTOCKED = "shop.product.restocked";

	private EventTypes() {
	}
}
