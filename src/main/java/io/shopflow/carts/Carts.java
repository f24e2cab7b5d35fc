package io.shopflow.carts;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.shopflow.events.ShopEvent.CartUpdated;
import io.shopflow.events.ShopEvent.Item;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class Carts {

	private static final TypeReference<List<Item>> ITEMS = new TypeReference<>() {
	};

	private final JdbcClient jdbc;
	private final ObjectMapper json;
	private final Clock clock;

	Carts(JdbcClient jdbc, ObjectMapper json, Clock clock) {
		this.jdbc = jdbc;
		this.json = json;
		this.clock = clock;
	}

	public Optional<Cart> find(String cartId) {
		return jdbc.sql("select id, customer_id, items, total, currency, cart_url from carts where id = ?")
				.param(cartId)
				.query((rs, n) -> new Cart(rs.getString(1), rs.getString(2), read(rs.getString(3)),
						rs.getBigDecimal(4), rs.getString(5), rs.getString(6)))
				.optional();
	}

	void save(CartUpdated event) {
		String items = write(event.items());
		Timestamp now = Timestamp.from(Instant.now(clock));
		int updated = jdbc.sql("""
				update carts set customer_id = ?, items = ?, total = ?, currency = ?, cart_url = ?, updated_at = ?
				where id = ?""")
				.params(event.customerId(), items, event.total(), event.currency(), event.cartUrl(), now, event.cartId())
				.update();
		if (updated == 0) {
			jdbc.sql("""
					insert into carts (id, customer_id, items, total, currency, cart_url, updated_at)
					values (?, ?, ?, ?, ?, ?, ?)""")
					.params(event.cartId(), event.customerId(), items, event.total(), event.currency(),
							event.cartUrl(), now)
					.update();
		}
	}

	private String write(List<Item> items) {
		try {
			return json.writeValueAsString(items);
		}
		catch (JsonProcessingException e) {
			throw new IllegalStateException(e);
		}
	}

	private List<Item> read(String items) {
		try {
			return json.readValue(items, ITEMS);
		}
		catch (JsonProcessingException e) {
			throw new IllegalStateException(e);
		}
	}
}
