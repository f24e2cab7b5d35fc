package io.shopflow.replenishment;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import io.shopflow.events.DerivedEvents;
import io.shopflow.events.EventPipeline.Step;
import io.shopflow.events.ShopEvent;
import io.shopflow.events.ShopEvent.Item;
import io.shopflow.events.ShopEvent.OrderPlaced;
import io.shopflow.events.ShopEvent.Raised;
import io.shopflow.events.ShopEventHandler;
import io.shopflow.flows.ReplenishmentSettings;

import org.springframework.stereotype.Component;

/**
 * For every product of an order: raises shopflow.replenishment.reordered (a waiting reminder for it ends),
 * then, for a consumable, shopflow.replenishment.planned with the time to remind (leadTime before it runs out,
 * at the earliest half-way). Runs after the order was recorded, so a learned interval counts this order.
 */
@Component
class ReplenishmentPlanner implements ShopEventHandler {

	static final String PLANNED = "shopflow.replenishment.planned";
	static final String REORDERED = "shopflow.replenishment.reordered";

	private final ConsumptionIntervals intervals;
	private final ReplenishmentSettings settings;

	ReplenishmentPlanner(ConsumptionIntervals intervals, ReplenishmentSettings settings) {
		this.intervals = intervals;
		this.settings = settings;
	}

	@Override
	public Step step() {
		return Step.REPLENISHMENT;
	}

	@Override
	public void handle(ShopEvent event, DerivedEvents derived) {
		if (!(event instanceof OrderPlaced order)) {
			return;
		}
		for (Item item : order.items()) {
			derived.raise(Raised.by(order, REORDERED, item.productId(), Map.of("productId", item.productId())));
			intervals.of(order.customerId(), item.productId(), item.quantity()).ifPresent(interval -> {
				Map<String, Object> plan = new LinkedHashMap<>();
				plan.put("productId", item.productId());
				plan.put("orderId", order.orderId());
				plan.put("reorderQuantity", item.quantity());
				plan.put("reorderUrl", reorderUrl(item));
				plan.put("consumptionInterval", interval.duration().toString());
				plan.put("intervalSource", interval.source().name().toLowerCase());
				plan.put("remindIn", remindIn(interval.duration()).toString());
				derived.raise(Raised.by(order, PLANNED, item.productId(), plan));
			});
		}
	}

	Duration remindIn(Duration interval) {
		Duration beforeRunOut = interval.minus(settings.leadTime());
		Duration halfWay = interval.dividedBy(2);
		return beforeRunOut.compareTo(halfWay) < 0 ? halfWay : beforeRunOut;
	}

	private String reorderUrl(Item item) {
		return settings.reorderUrl()
				.replace("{productId}", URLEncoder.encode(item.productId(), StandardCharsets.UTF_8))
				.replace("{quantity}", Integer.toString(item.quantity()));
	}
}
