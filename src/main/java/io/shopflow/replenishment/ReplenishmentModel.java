package io.shopflow.replenishment;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import io.shopflow.messaging.ModelContributor;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** In a replenishment message: $daysSinceOrder, the days since the order the reminder is about. */
@Component
class ReplenishmentModel implements ModelContributor {

	private final JdbcClient jdbc;
	private final Clock clock;

	ReplenishmentModel(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Override
	public void contribute(String customerId, Map<String, Object> variables, Map<String, Object> model) {
		if (variables.containsKey("reorderUrl") && variables.get("orderId") instanceof String orderId) {
			jdbc.sql("select placed_at from orders where id = ?").param(orderId)
					.query((rs, n) -> rs.getTimestamp(1).toInstant())
					.optional()
					.ifPresent(placed -> model.put("daysSinceOrder",
							Duration.between(placed, Instant.now(clock)).toDays()));
		}
	}
}
