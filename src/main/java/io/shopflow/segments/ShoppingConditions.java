package io.shopflow.segments;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/** Conditions on what the customer looked at and bought: viewed, bought, orders. */
final class ShoppingConditions {

	private final SegmentParameters parameters;

	ShoppingConditions(SegmentParameters parameters) {
		this.parameters = parameters;
	}

	String viewed(JsonNode node, String at) {
		String sql = "c.id in (select i.customer_id from product_interest i" + product(node.get("viewed"),
				"i.product_id", at + "/viewed") + " and i.viewed_at is not null"
				+ parameters.timeWindow("i.viewed_at", node, at);
		if (node.path("notInCart").asBoolean()) {
			sql += " and (i.carted_at is null or i.carted_at < i.viewed_at)";
		}
		return sql + ")";
	}

	String bought(JsonNode node, String at) {
		String sql = "c.id in (select o.customer_id from orders o join order_lines l on l.order_id = o.id"
				+ product(node.get("bought"), "l.product_id", at + "/bought")
				+ parameters.timeWindow("o.placed_at", node, at);
		int atLeast = SegmentValues.count(node, "atLeast", at, 1, 1);
		return sql + (atLeast > 1 ? " group by o.customer_id having count(distinct o.id) >= " + parameters.add(atLeast)
				: "") + ")";
	}

	/** From each customer's order count and last order time, kept with the orders (customer_order_totals). */
	String orders(JsonNode node, String at) {
		// only customers with an order have a row: "atMost 1" means one order, not none, as it always has
		return "exists (select 1 from customer_order_totals o where o.customer_id = c.id and " + orderTests(node, at)
				+ ")";
	}

	/** The customers the orders condition holds for, as a query of their ids. */
	String orderCustomers(JsonNode node, String at) {
		return "select o.customer_id as id from customer_order_totals o where " + orderTests(node, at);
	}

	private String orderTests(JsonNode node, String at) {
		JsonNode count = node.get("orders");
		List<String> tests = new ArrayList<>();
		if (count == null || !count.isObject()) {
			throw new SegmentInvalid(at + "/orders", "must be an object: {\"atLeast\": .., \"atMost\": ..}");
		}
		if (count.has("atLeast")) {
			tests.add("o.orders >= " + parameters.add(SegmentValues.count(count, "atLeast", at + "/orders", 0, 0)));
		}
		if (count.has("atMost")) {
			tests.add("o.orders <= " + parameters.add(SegmentValues.count(count, "atMost", at + "/orders", 0, 0)));
		}
		if (node.has("lastWithin")) {
			tests.add("o.last_placed_at >= " + parameters.since(node.get("lastWithin"), at + "/lastWithin"));
		}
		if (node.has("lastNotWithin")) {
			tests.add("o.last_placed_at < " + parameters.since(node.get("lastNotWithin"), at + "/lastNotWithin"));
		}
		if (tests.isEmpty()) {
			throw new SegmentInvalid(at + "/orders", "needs atLeast, atMost, lastWithin or lastNotWithin");
		}
		return String.join(" and ", tests);
	}

	/** A join to products when filtering by category, then the where clause. */
	private String product(JsonNode filter, String column, String at) {
		if (filter == null || !filter.isObject()) {
			throw new SegmentInvalid(at, "must be an object: {}, {\"productId\": ..} or {\"category\": ..}");
		}
		if (filter.has("category")) {
			return " join products p on p.id = " + column + " where p.category = "
					+ parameters.add(filter.get("category").asText());
		}
		if (filter.has("productId")) {
			return " where " + column + " = " + parameters.add(filter.get("productId").asText());
		}
		return " where 1 = 1";
	}
}
