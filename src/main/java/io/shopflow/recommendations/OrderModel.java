package io.shopflow.recommendations;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.shopflow.messaging.ModelContributor;
import io.shopflow.products.Products;

import org.springframework.stereotype.Component;

/**
 * A flow's orderId becomes $order. $recommendations holds up to 3 products (name, url, imageUrl, price, currency)
 * to show next to the order's products, or next to the flow's productId.
 */
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
	public void contribute(String customerId, Map<String, Object> variables, Map<String, Object> model) {
		List<String> shown;
		if (variables.get("orderId") instanceof String orderId) {
			orders.find(orderId).ifPresent(order -> model.put("order", order));
			shown = orders.productIds(orderId);
		}
		else if (variables.get("productId") instanceof String productId) {
			shown = List.of(productId);
		}
		else {
			return;
		}
		model.put("recommendations", recommendations.forCustomer(customerId, shown, RECOMMENDATIONS).stream()
				.map(products::find)
				.flatMap(Optional::stream)
				.toList());
	}
}
