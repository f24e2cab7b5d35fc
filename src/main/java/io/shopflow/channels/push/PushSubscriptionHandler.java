package io.shopflow.channels.push;

import io.shopflow.events.DerivedEvents;
import io.shopflow.events.EventPipeline.Step;
import io.shopflow.events.ShopEvent;
import io.shopflow.events.ShopEvent.PushSubscribed;
import io.shopflow.events.ShopEventHandler;

import org.springframework.stereotype.Component;

/** Keeps the subscriptions shops send as shop.push.subscribed (the browser's PushSubscription.toJSON()). */
@Component
class PushSubscriptionHandler implements ShopEventHandler {

	private final PushSubscriptions subscriptions;

	PushSubscriptionHandler(PushSubscriptions subscriptions) {
		this.subscriptions = subscriptions;
	}

	@Override
	public Step step() {
		return Step.PUSH_SUBSCRIPTIONS;
	}

	@Override
	public void handle(ShopEvent event, DerivedEvents derived) {
		if (event instanceof PushSubscribed subscribed) {
			var json = subscribed.subscription();
			subscriptions.save(new PushSubscription(event.customerId(), json.path("endpoint").asText(),
					json.path("keys").path("p256dh").asText(), json.path("keys").path("auth").asText()));
		}
	}
}
