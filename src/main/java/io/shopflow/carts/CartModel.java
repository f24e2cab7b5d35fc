package io.shopflow.carts;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.shopflow.events.ShopEvent.Item;
import io.shopflow.messaging.ModelContributor;
import io.shopflow.support.HttpUrls;

import org.springframework.stereotype.Component;

/** A flow's cartId becomes $cart: the cart as it is now, with items and the restore link. */
@Component
class CartModel implements ModelContributor {

	private final Carts carts;

	CartModel(Carts carts) {
		this.carts = carts;
	}

	@Override
	public void contribute(String customerId, Map<String, Object> variables, Map<String, Object> model) {
		if (variables.get("cartId") instanceof String cartId) {
			carts.find(cartId).ifPresent(cart -> model.put("cart", asModel(cart)));
		}
	}

	private static Map<String, Object> asModel(Cart cart) {
		Map<String, Object> model = new LinkedHashMap<>();
		model.put("id", cart.id());
		model.put("items", cart.items().stream().map(CartModel::asModel).toList());
		model.put("total", cart.total());
		model.put("currency", cart.currency());
		model.put("url", HttpUrls.orNull(cart.url()));
		return model;
	}

	private static Map<String, Object> asModel(Item item) {
		Map<String, Object> model = new LinkedHashMap<>();
		model.put("productId", item.productId());
		model.put("name", item.name() == null ? item.productId() : item.name());
		model.put("quantity", item.quantity());
		model.put("price", item.price());
		model.put("lineTotal", item.price() == null ? null : item.price().multiply(BigDecimal.valueOf(item.quantity())));
		model.put("url", HttpUrls.orNull(item.url()));
		model.put("imageUrl", HttpUrls.orNull(item.imageUrl()));
		return model;
	}

}
