package io.shopflow;

import java.util.UUID;

/** CloudEvents JSON as a shop would send them. */
public final class TestEvents {

	private TestEvents() {
	}

	public static String event(String id, String type, String customerId, String data) {
		return """
				{"specversion":"1.0","id":"%s","source":"https://shop.example.com","type":"%s","subject":"%s",
				 "time":"2026-11-24T10:00:00Z","datacontenttype":"application/json","data":%s}"""
				.formatted(id, type, customerId, data);
	}

	public static String registered(String customerId, String email, String locale, boolean emailConsent) {
		return registered(id(), customerId, email, locale, emailConsent);
	}

	public static String registered(String id, String customerId, String email, String locale, boolean emailConsent) {
		return event(id, "shop.customer.registered", customerId, """
				{"email":"%s","firstName":"Anna","lastName":"Berg","locale":"%s","timeZone":"Europe/Stockholm",
				 "consent":{"email":%s,"sms":false}}""".formatted(email, locale, emailConsent));
	}

	public static String registeredWithPhone(String customerId, String phone, boolean smsConsent) {
		return event(id(), "shop.customer.registered", customerId, """
				{"email":"%s@example.com","firstName":"Anna","locale":"sv-SE","phone":"%s",
				 "consent":{"email":true,"sms":%s}}""".formatted(customerId, phone, smsConsent));
	}

	public static String cartUpdated(String id, String customerId, String cartId, String productName) {
		return event(id, "shop.cart.updated", customerId, """
				{"cartId":"%s","items":[{"productId":"p-1","name":"%s","quantity":2,"price":9.95,
				  "url":"https://shop.example.com/p/1","imageUrl":"https://shop.example.com/p/1.jpg"}],
				 "total":19.90,"currency":"EUR","cartUrl":"https://shop.example.com/cart/%s/restore"}"""
				.formatted(cartId, productName, cartId));
	}

	public static String checkoutStarted(String customerId, String cartId) {
		return event(id(), "shop.checkout.started", customerId,
				"{\"cartId\":\"%s\",\"total\":19.90,\"currency\":\"EUR\"}".formatted(cartId));
	}

	public static String orderPlaced(String customerId, String cartId) {
		return event(id(), "shop.order.placed", customerId, """
				{"orderId":"o-%s","cartId":"%s","items":[{"productId":"p-1","quantity":2,"price":9.95}],
				 "total":19.90,"currency":"EUR"}""".formatted(UUID.randomUUID(), cartId));
	}

	public static String batch(String... events) {
		return "[" + String.join(",", events) + "]";
	}

	public static String id() {
		return UUID.randomUUID().toString();
	}
}
