package io.shopflow.products;

import java.util.Map;

import io.shopflow.messaging.ModelContributor;

import org.springframework.stereotype.Component;

/** A flow's productId becomes $product (name, url, imageUrl, price, currency, category). */
@Component
class ProductModel implements ModelContributor {

	private final Products products;

	ProductModel(Products products) {
		this.products = products;
	}

	@Override
	public void contribute(String customerId, Map<String, Object> variables, Map<String, Object> model) {
		if (variables.get("productId") instanceof String productId) {
			products.find(productId).ifPresent(product -> model.put("product", product));
		}
	}
}
