package io.shopflow.loyalty;

import java.util.LinkedHashMap;
import java.util.Map;

import io.shopflow.loyalty.VipSettings.Tier;
import io.shopflow.messaging.ModelContributor;

import org.springframework.stereotype.Component;

/**
 * In a VIP message (the flow assessed the tier): $vip with tier, nextTier (key, name), orderCount, spend,
 * currency, remainingOrders and remainingSpend to the next tier. An "almost there" nudge names only the
 * threshold that is close.
 */
@Component
class VipModel implements ModelContributor {

	private final VipTiers tiers;
	private final VipSettings settings;

	VipModel(VipTiers tiers, VipSettings settings) {
		this.tiers = tiers;
		this.settings = settings;
	}

	@Override
	public void contribute(String customerId, Map<String, Object> variables, Map<String, Object> model) {
		if (!variables.containsKey("tierRaised") || !(variables.get("orderId") instanceof String orderId)) {
			return;
		}
		VipStanding standing = tiers.after(customerId, orderId);
		Map<String, Object> vip = new LinkedHashMap<>();
		vip.put("tier", tier(standing.tier()));
		vip.put("nextTier", tier(standing.nextTier()));
		vip.put("orderCount", standing.orders());
		vip.put("spend", standing.spend());
		vip.put("currency", standing.currency());
		vip.put("remainingOrders", standing.remainingOrders());
		vip.put("remainingSpend", standing.remainingSpend());
		if (Boolean.TRUE.equals(variables.get("almostThere")) && !Boolean.TRUE.equals(variables.get("tierRaised"))) {
			Tier next = standing.nextTier();
			double share = settings.almostThereShare();
			if (next.minOrders() == null || standing.orders() < Math.ceil(next.minOrders() * (1 - share))) {
				vip.put("remainingOrders", null);
			}
			else if (next.minSpend() != null) {
				vip.put("remainingSpend", null);
			}
		}
		model.put("vip", vip);
	}

	private static Map<String, Object> tier(Tier tier) {
		if (tier == null) {
			return null;
		}
		Map<String, Object> model = new LinkedHashMap<>();
		model.put("key", tier.key());
		model.put("name", tier.name());
		return model;
	}
}
