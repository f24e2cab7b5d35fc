package io.shopflow.channels.push;

import io.shopflow.events.ShopEvent;
import io.shopflow.events.ShopEvent.PushSubscribed;
import io.shopflow.events.ShopEventHandler;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Keeps the subscriptions shops send as shop.push.subscribed (the browser's PushSubscription.toJSON()). */
@Component
@Order(30)
class PushSubscriptionHandler implements ShopEventHandler {

	private final PushSubscriptions subscriptions;

	PushSubscriptionHandler(PushSubscriptions subscriptions) {
		this.subscriptions = subscriptions;
	}

	@Override
	public void handle(ShopEvent event) {
		if (event instanceof PushSubscribed subscribed) {
			var json = subscribed.subscription();
			subscriptions.save(new PushSubscription(event.customerId(), json.path("endpoint").asText(),
					json.path("keys").path("p256dh").asText(), json.path("keys").path("auth").asText()));
		}
	}
}
