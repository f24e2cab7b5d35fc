package io.shopflow.recommendations;

import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.shopflow.messaging.ModelContributor;
import io.shopflow.products.Products;

import org.springframework.stereotype.Component;

/** A flow's orderId becomes $order, and $recommendations: up to 3 products bought together with it. */
@Component
class OrderModel implements ModelContributor {

	private static final int RECOMMENDATIONS = 3;

	private final Orders orders;
	private final Recommendations recommendations;
	private final Products products;

	OrderModel(Orders orders, Recommendations recommendations, Products products) {
		this.orders = orders;
		this.recommendations = recommendations;
		this.products = products;
	}

	@Override
	public void contribute(Map<String, Object> variables, Map<String, Object> model) {
		if (variables.get("orderId") instanceof String orderId) {
			orders.find(orderId).ifPresent(order -> model.put("order", order));
			List<Map<String, Object>> recommended = recommendations
					.boughtTogether(orders.productIds(orderId), RECOMMENDATIONS).stream()
					.map(products::find)
					.flatMap(java.util.Optional::stream)
					.filter(Objects::nonNull)
					.toList();
			model.put("recommendations", recommended);
		}
	}
}
