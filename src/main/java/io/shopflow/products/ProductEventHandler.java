package io.shopflow.products;

import java.time.Instant;

import io.shopflow.events.DerivedEvents;
import io.shopflow.events.EventPipeline.Step;
import io.shopflow.events.ShopEvent;
import io.shopflow.events.ShopEvent.CartUpdated;
import io.shopflow.events.ShopEvent.Item;
import io.shopflow.events.ShopEvent.OrderPlaced;
import io.shopflow.events.ShopEvent.ProductRestocked;
import io.shopflow.events.ShopEvent.ProductViewed;
import io.shopflow.events.ShopEventHandler;

import org.springframework.stereotype.Component;

/** Learns products from every event that describes one, and who wanted which, so messages can show them. */
@Component
class ProductEventHandler implements ShopEventHandler {

	private final Products products;
	private final ProductInterest interest;

	ProductEventHandler(Products products, ProductInterest interest) {
		this.products = products;
		this.interest = interest;
	}

	@Override
	public Step step() {
		return Step.PRODUCTS;
	}

	@Override
	public void handle(ShopEvent event, DerivedEvents derived) {
		if (event instanceof ProductViewed viewed) {
			products.save(viewed.productId(), viewed.name(), viewed.url(), viewed.imageUrl(), viewed.price(),
					viewed.currency(), viewed.category(), viewed.consumptionInterval());
			interest.viewed(viewed.customerId(), viewed.productId(), when(event));
		}
		else if (event instanceof CartUpdated cart) {
			cart.items().forEach(item -> save(item, cart.currency()));
			cart.items().forEach(item -> interest.carted(cart.customerId(), item.productId(), when(event)));
		}
		else if (event instanceof OrderPlaced order) {
			order.items().forEach(item -> save(item, order.currency()));
		}
		else if (event instanceof ProductRestocked restocked && restocked.customerId() == null) {
			products.save(restocked.productId(), restocked.name(), restocked.url(), restocked.imageUrl(),
					restocked.price(), restocked.currency(), null, null);
		}
	}

	private Instant when(ShopEvent event) {
		return event.envelope().time() == null ? null : event.envelope().time().toInstant();
	}

	private void save(Item item, String currency) {
		products.save(item.productId(), item.name(), item.url(), item.imageUrl(), item.price(), currency, null,
				item.consumptionInterval());
	}
}
