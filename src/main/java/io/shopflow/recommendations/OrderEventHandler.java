package io.shopflow.recommendations;

import io.shopflow.events.DerivedEvents;
import io.shopflow.events.EventPipeline.Step;
import io.shopflow.events.ShopEvent;
import io.shopflow.events.ShopEvent.OrderPlaced;
import io.shopflow.events.ShopEventHandler;

import org.springframework.stereotype.Component;

/** Records orders before flows see them, so "first order?" and recommendations already count this one. */
@Component
class OrderEventHandler implements ShopEventHandler {

	private final Orders orders;

	OrderEventHandler(Orders orders) {
		this.orders = orders;
	}

	@Override
	public Step step() {
		return Step.ORDERS;
	}

	@Override
	public void handle(ShopEvent event, DerivedEvents derived) {
		if (event instanceof OrderPlaced order) {
			orders.save(order);
		}
	}
}
