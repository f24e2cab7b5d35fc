package io.shopflow.carts;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.shopflow.EngineTest;
import io.shopflow.products.Products;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Intake refuses links that are not http(s); rows kept from before that check, or written around it, still never
 * put one into a template.
 */
@EngineTest
class CartModelTest {

	@Autowired
	CartModel model;

	@Autowired
	Products products;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aLinkThatIsNotHttpNeverReachesATemplate() {
		String cartId = "cart-" + UUID.randomUUID();
		jdbc.sql("""
				insert into carts (id, customer_id, items, total, currency, cart_url, updated_at)
				values (?, 'c-js', ?, 1, 'EUR', 'javascript:alert(1)', ?)""")
				.params(cartId, """
						[{"productId":"p-js","quantity":1,"url":"javascript:alert(2)","imageUrl":"https://shop.example.com/a.jpg"}]""",
						Timestamp.from(Instant.now()))
				.update();
		String productId = "p-" + UUID.randomUUID();
		jdbc.sql("insert into products (id, url, image_url, updated_at) values (?, 'javascript:x', 'data:x', ?)")
				.params(productId, Timestamp.from(Instant.now())).update();

		Map<String, Object> rendered = new LinkedHashMap<>();
		model.contribute("c-js", Map.of("cartId", cartId), rendered);

		@SuppressWarnings("unchecked")
		Map<String, Object> cart = (Map<String, Object>) rendered.get("cart");
		assertThat(cart.get("url")).isNull();
		@SuppressWarnings("unchecked")
		Map<String, Object> item = ((List<Map<String, Object>>) cart.get("items")).get(0);
		assertThat(item.get("url")).isNull();
		assertThat(item.get("imageUrl")).isEqualTo("https://shop.example.com/a.jpg");
		assertThat(products.find(productId)).hasValueSatisfying(product -> {
			assertThat(product.get("url")).isNull();
			assertThat(product.get("imageUrl")).isNull();
		});
	}
}
