package io.shopflow.carts;

import io.shopflow.events.DerivedEvents;
import io.shopflow.events.EventPipeline.Step;
import io.shopflow.events.ShopEvent;
import io.shopflow.events.ShopEvent.CartUpdated;
import io.shopflow.events.ShopEventHandler;

import org.springframework.stereotype.Component;

@Component
class CartEventHandler implements ShopEventHandler {

	private final Carts carts;

	CartEventHandler(Carts carts) {
		this.carts = carts;
	}

	@Override
	public Step step() {
		return Step.CARTS;
	}

	@Override
	public void handle(ShopEvent event, DerivedEvents derived) {
		if (event instanceof CartUpdated cart) {
			carts.save(cart);
		}
	}
}
