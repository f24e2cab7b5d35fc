package io.shopflow.messaging;

import java.util.Locale;

import io.shopflow.customers.Customer;
import io.shopflow.templates.RenderedMessage;

/** What a channel delivers: the send, its customer, the parts it chose, and the signed unsubscribe link. */
public record OutgoingMessage(SendRequest request, Customer customer, RenderedMessage parts, String unsubscribeUrl) {

	/** The customer's language and country, for numbers, hints and templates; null when unknown. */
	public Locale locale() {
		return customer.preferredLocale(null);
	}
}
