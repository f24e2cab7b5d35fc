package io.shopflow.channels.push;

import java.util.Optional;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.shopflow.customers.Customer;
import io.shopflow.events.Channel;
import io.shopflow.messaging.DeliveryFailure;
import io.shopflow.messaging.MessageChannel;
import io.shopflow.messaging.OutgoingMessage;
import io.shopflow.messaging.SendRequest;
import io.shopflow.templates.RenderedMessage;
import io.shopflow.tracking.TrackedLinks;

import org.springframework.stereotype.Component;

/**
 * Web Push: title (the template's subject), body (its text), a click-tracked url and an icon, to every browser the
 * customer subscribed. Subscriptions a browser dropped are removed on the way.
 */
@Component
class PushChannel implements MessageChannel {

	private final WebPush webPush;
	private final PushSubscriptions subscriptions;
	private final TrackedLinks links;

	PushChannel(WebPush webPush, PushSubscriptions subscriptions, TrackedLinks links) {
		this.webPush = webPush;
		this.subscriptions = subscriptions;
		this.links = links;
	}

	@Override
	public Channel channel() {
		return Channel.PUSH;
	}

	@Override
	public Optional<String> unreachable(SendRequest request, Customer customer) {
		return subscriptions.of(customer.id()).isEmpty() ? Optional.of("no-address") : Optional.empty();
	}

	@Override
	public RenderedMessage parts(RenderedMessage rendered, long sendId) {
		return new RenderedMessage(rendered.subject(), null, rendered.text(), links.clickLink(rendered.url(), sendId),
				rendered.icon());
	}

	/** @return "push:" and the number of browsers that took it */
	@Override
	public String deliver(OutgoingMessage message) {
		RenderedMessage parts = message.parts();
		ObjectNode payload = JsonNodeFactory.instance.objectNode()
				.put("title", parts.subject())
				.put("body", parts.text())
				.put("url", parts.url())
				.put("icon", parts.icon());
		int delivered = 0;
		for (PushSubscription subscription : subscriptions.of(message.customer().id())) {
			if (webPush.send(subscription, payload.toString()) == WebPush.Result.DELIVERED) {
				delivered++;
			}
		}
		if (delivered == 0) {
			throw new PushRejected("every push subscription of the customer is gone");
		}
		return "push:" + delivered;
	}

	@Override
	public DeliveryFailure classify(RuntimeException failure) {
		return failure instanceof PushRejected ? DeliveryFailure.RECIPIENT_REJECTED : DeliveryFailure.ofHttpCall(failure);
	}
}
