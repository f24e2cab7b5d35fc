package io.shopflow.loyalty;

import java.math.BigDecimal;

import io.shopflow.loyalty.VipSettings.Tier;

/**
 * Where a customer stands after an order: their tier (null below the first), the tier before this order, the
 * next tier (null at the top) and whether they are almost there.
 */
public record VipStanding(long orders, BigDecimal spend, String currency, Tier tier, Tier previousTier,
		Tier nextTier, boolean almostThere) {

	public boolean tierRaised() {
		return tier != null && !tier.equals(previousTier);
	}

	public Integer remainingOrders() {
		return nextTier == null || nextTier.minOrders() == null ? null
				: (int) Math.max(0, nextTier.minOrders() - orders);
	}

	public BigDecimal remainingSpend() {
		return nextTier == null || nextTier.minSpend() == null ? null
				: nextTier.minSpend().subtract(spend).max(BigDecimal.ZERO);
	}
}
