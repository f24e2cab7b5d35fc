package io.shopflow.recommendations;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.shopflow.events.ShopEvent.Item;
import io.shopflow.events.ShopEvent.OrderPlaced;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Every order and its lines, as the shop reported them. */
@Repository
public class Orders {

	private final JdbcClient jdbc;
	private final Clock clock;

	Orders(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	public int countOf(String customerId) {
		return jdbc.sql("select count(*) from orders where customer_id = ?").param(customerId).query(Integer.class)
				.single();
	}

	/** The order as a template model: id, items (name, quantity, price, lineTotal), total, currency. */
	public Optional<Map<String, Object>> find(String orderId) {
		return jdbc.sql("select id, total, currency from orders where id = ?").param(orderId)
				.query((rs, n) -> {
					Map<String, Object> order = new LinkedHashMap<>();
					order.put("id", rs.getString(1));
					order.put("total", rs.getBigDecimal(2));
					order.put("currency", rs.getString(3));
					return order;
				})
				.optional()
				.map(order -> {
					order.put("items", lines(orderId));
					return order;
				});
	}

	List<String> productIds(String orderId) {
		return jdbc.sql("select product_id from order_lines where order_id = ? order by product_id").param(orderId)
				.query(String.class).list();
	}

	void save(OrderPlaced order) {
		if (jdbc.sql("select count(*) from orders where id = ?").param(order.orderId()).query(Long.class).single() > 0) {
			return;
		}
		jdbc.sql("insert into orders (id, customer_id, total, currency, placed_at) values (?, ?, ?, ?, ?)")
				.params(order.orderId(), order.customerId(), order.total(), order.currency(),
						Timestamp.from(order.envelope().time() == null ? Instant.now(clock)
								: order.envelope().time().toInstant()))
				.update();
		Map<String, Item> lines = new LinkedHashMap<>();
		order.items().forEach(item -> lines.merge(item.productId(), item, (a, b) -> new Item(a.productId(), a.name(),
				a.quantity() + b.quantity(), a.price(), a.url(), a.imageUrl(), a.consumptionInterval())));
		for (Item item : lines.values()) {
			jdbc.sql("insert into order_lines (order_id, product_id, quantity, price) values (?, ?, ?, ?)")
					.params(order.orderId(), item.productId(), item.quantity(), item.price())
					.update();
		}
	}

	private List<Map<String, Object>> lines(String orderId) {
		return jdbc.sql("""
				select l.product_id, coalesce(p.name, l.product_id), l.quantity, l.price from order_lines l
				left join products p on p.id = l.product_id where l.order_id = ? order by l.product_id""")
				.param(orderId)
				.query((rs, n) -> {
					Map<String, Object> line = new LinkedHashMap<>();
					line.put("productId", rs.getString(1));
					line.put("name", rs.getString(2));
					line.put("quantity", rs.getInt(3));
					line.put("price", rs.getBigDecimal(4));
					line.put("lineTotal", rs.getBigDecimal(4) == null ? null
							: rs.getBigDecimal(4).multiply(java.math.BigDecimal.valueOf(rs.getInt(3))));
					return line;
				})
				.list();
	}
}
