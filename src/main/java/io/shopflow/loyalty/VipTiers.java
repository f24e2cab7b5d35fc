package io.shopflow.loyalty;

import java.math.BigDecimal;
import java.util.List;

import io.shopflow.loyalty.VipSettings.Tier;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Ranks customers into the configured VIP tiers by their lifetime orders and spend. */
@Service
public class VipTiers {

	private final JdbcClient jdbc;
	private final VipSettings settings;

	VipTiers(JdbcClient jdbc, VipSettings settings) {
		this.jdbc = jdbc;
		this.settings = settings;
	}

	/** The customer's standing now, compared with before the given order (which is already recorded). */
	public VipStanding after(String customerId, String orderId) {
		record Totals(long orders, BigDecimal spend, String currency) {
		}
		Totals now = jdbc.sql("""
				select count(*), coalesce(sum(total), 0), max(currency) from orders where customer_id = ?""")
				.param(customerId)
				.query((rs, n) -> new Totals(rs.getLong(1), rs.getBigDecimal(2), rs.getString(3)))
				.single();
		BigDecimal orderTotal = jdbc.sql("select total from orders where id = ? and customer_id = ?")
				.params(orderId, customerId).query(BigDecimal.class).optional().orElse(null);
		Tier tier = tierOf(now.orders(), now.spend());
		Tier before = orderTotal == null ? tier : tierOf(now.orders() - 1, now.spend().subtract(orderTotal));
		Tier next = next(tier);
		boolean almost = next != null && next.almostReachedBy(now.orders(), now.spend(), settings.almostThereShare());
		return new VipStanding(now.orders(), now.spend(), now.currency(), tier, before, next, almost);
	}

	private Tier tierOf(long orders, BigDecimal spend) {
		Tier reached = null;
		for (Tier tier : settings.tiers()) {
			if (tier.reachedBy(orders, spend)) {
				reached = tier;
			}
		}
		return reached;
	}

	private Tier next(Tier tier) {
		List<Tier> tiers = settings.tiers();
		int index = tier == null ? -1 : tiers.indexOf(tier);
		return index + 1 < tiers.size() ? tiers.get(index + 1) : null;
	}
}
