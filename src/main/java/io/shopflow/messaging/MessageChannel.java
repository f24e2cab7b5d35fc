package io.shopflow.messaging;

import java.util.Optional;

import io.shopflow.customers.Customer;
import io.shopflow.events.Channel;
import io.shopflow.templates.RenderedMessage;

/**
 * The channel port: everything one way of reaching customers knows, implemented once per channel as a Spring bean
 * in channels.&lt;key&gt;. Messaging keeps what is the same for every channel (the send log's claim, the gate's order
 * of checks, consent, cap, quiet hours, rendering templates/&lt;key&gt;/&lt;flow&gt;/&lt;step&gt;.&lt;locale&gt;.vm) and asks
 * the channel the rest, in this order. A channel with no bean (switched off) is left out of a step's fallback.
 * Provider callbacks (delivery reports, inbound STOP) are the channel package's own web endpoints; they report
 * back through {@link Messaging#recordDelivery} and the events intake. docs/channels.md, "Adding a channel".
 */
public interface MessageChannel {

	/** Its name in the registry: the consent it needs, its templates folder, send_log.channel. */
	Channel channel();

	/**
	 * Reachability: why the customer cannot be reached on it for this step, as a skip reason such as
	 * "channel-unavailable", "no-address" or "invalid-number"; empty when it can. Asked before consent.
	 */
	Optional<String> unreachable(SendRequest request, Customer customer);

	/**
	 * Message parts and link tracking: the parts of the rendered template this channel sends (e.g. subject, html
	 * and text for email; text for SMS), with their links made trackable for the send with this id.
	 */
	RenderedMessage parts(RenderedMessage rendered, long sendId);

	/**
	 * Delivery. Throws when the message did not go out, or may not have; {@link #classify} says which.
	 *
	 * @return the message id: ours, or the provider's, which its delivery reports name
	 */
	String deliver(OutgoingMessage message);

	/** Failure classification: what a failure of {@link #deliver} means for the send. */
	DeliveryFailure classify(RuntimeException failure);
}
