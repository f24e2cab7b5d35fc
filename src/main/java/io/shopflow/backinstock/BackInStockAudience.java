package io.shopflow.backinstock;

import java.time.Clock;
import java.time.Instant;

import io.shopflow.events.DerivedEvents;
import io.shopflow.events.EventPipeline.Step;
import io.shopflow.events.ShopEvent;
import io.shopflow.events.ShopEvent.ProductRestocked;
import io.shopflow.events.ShopEventHandler;
import io.shopflow.products.ProductInterest;
import io.shopflow.flows.BackInStockSettings;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Turns one shop-wide shop.product.restocked into one event per customer who wanted the product, so the
 * back-in-stock flow (or any flow starting on the event) runs per customer. The flow's sends are async, so
 * this transaction only starts instances.
 */
@Component
class BackInStockAudience implements ShopEventHandler {

	private static final Logger log = LoggerFactory.getLogger(BackInStockAudience.class);

	private final ProductInterest interest;
	private final BackInStockSettings settings;
	private final Clock clock;

	BackInStockAudience(ProductInterest interest, BackInStockSettings settings, Clock clock) {
		this.interest = interest;
		this.settings = settings;
		this.clock = clock;
	}

	@Override
	public Step step() {
		return Step.BACK_IN_STOCK;
	}

	@Override
	public void handle(ShopEvent event, DerivedEvents derived) {
		if (event instanceof ProductRestocked restocked && restocked.customerId() == null) {
			var customers = interest.wantedSince(restocked.productId(), Instant.now(clock).minus(settings.lookBack()));
			customers.forEach(customer -> derived.raise(restocked.forCustomer(customer)));
			log.info("Product {} is back in stock: {} customers wanted it", restocked.productId(), customers.size());
		}
	}
}
