package io.shopflow.flows;

import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Replenishment: remind leadTime before a consumable runs out. The interval is learned from the customer's own
 * orders of the product once there are learnAfterOrders of them, else it is the catalogue's: the
 * consumptionInterval the shop sends with the product, else {@code intervals} by product id or category.
 * reorderUrl is the shop's add-to-cart link, with {productId} and {quantity} filled in. Public because model
 * expressions call it.
 */
@ConfigurationProperties("shopflow.flows.replenishment")
public record ReplenishmentSettings(Duration leadTime, int learnAfterOrders, Map<String, Duration> intervals,
		String reorderUrl, Duration followUpAfter) {

	public ReplenishmentSettings {
		intervals = intervals == null ? Map.of() : Map.copyOf(intervals);
	}
}
