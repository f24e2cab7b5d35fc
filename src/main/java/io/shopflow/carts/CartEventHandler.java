package io.shopflow.carts;

import io.shopflow.events.ShopEvent;
import io.shopflow.events.ShopEvent.CartUpdated;
import io.shopflow.events.ShopEventHandler;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

@Component
@Order(20)
class CartEventHandler implements ShopEventHandler {

	private final Carts carts;

	CartEventHandler(Carts carts) {
		this.carts = carts;
	}

	@Override
	public void handle(ShopEvent event) {
		if (event instanceof CartUpdated cart) {
			carts.save(cart);
		}
	}
}
