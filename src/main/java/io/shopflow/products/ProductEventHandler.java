package io.shopflow.products;

import io.shopflow.events.ShopEvent;
import io.shopflow.events.ShopEvent.CartUpdated;
import io.shopflow.events.ShopEvent.Item;
import io.shopflow.events.ShopEvent.OrderPlaced;
import io.shopflow.events.ShopEvent.ProductViewed;
import io.shopflow.events.ShopEventHandler;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Learns products from every event that describes one, so messages can show them. */
@Component
@Order(25)
class ProductEventHandler implements ShopEventHandler {

	private final Products products;

	ProductEventHandler(Products products) {
		this.products = products;
	}

	@Override
	public void handle(ShopEvent event) {
		if (event instanceof ProductViewed viewed) {
			products.save(viewed.productId(), viewed.name(), viewed.url(), viewed.imageUrl(), viewed.price(),
					viewed.currency(), viewed.category());
		}
		else if (event instanceof CartUpdated cart) {
			cart.items().forEach(item -> save(item, cart.currency()));
		}
		else if (event instanceof OrderPlaced order) {
			order.items().forEach(item -> save(item, order.currency()));
		}
	}

	private void save(Item item, String currency) {
		products.save(item.productId(), item.name(), item.url(), item.imageUrl(), item.price(), currency, null);
	}
}
