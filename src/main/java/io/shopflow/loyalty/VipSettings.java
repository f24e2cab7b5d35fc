package io.shopflow.loyalty;

import java.math.BigDecimal;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * VIP tiers, lowest first. A customer is in the highest tier whose minOrders (lifetime orders) or minSpend
 * (lifetime order totals) they reached; either may be left out. Within almostThereShare of a threshold of the next
 * tier they are "almost there".
 */
@ConfigurationProperties("shopflow.flows.vip")
public record VipSettings(List<Tier> tiers, double almostThereShare) {

	public VipSettings {
		tiers = tiers == null ? List.of() : List.copyOf(tiers);
	}

	public record Tier(String key, String name, Integer minOrders, BigDecimal minSpend) {

		boolean reachedBy(long orders, BigDecimal spend) {
			return (minOrders != null && orders >= minOrders) || (minSpend != null && spend.compareTo(minSpend) >= 0);
		}

		boolean almostReachedBy(long orders, BigDecimal spend, double share) {
			boolean nearOrders = minOrders != null && orders >= Math.ceil(minOrders * (1 - share));
			boolean nearSpend = minSpend != null
					&& spend.compareTo(minSpend.multiply(BigDecimal.valueOf(1 - share))) >= 0;
			return nearOrders || nearSpend;
		}
	}
}
