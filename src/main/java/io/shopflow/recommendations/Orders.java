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
import io.shopflow.support.InsertIfAbsent;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Every order and its lines, as the shop reported them; and per customer, the order count and the last order's
 * time (customer_order_totals, which segments read), kept in the same transaction.
 */
@Repository
public class Orders {

	private static final String COUNT_POSTGRES = """
			insert into customer_order_totals as t (customer_id, orders, last_placed_at) values (?, 1, ?)
			on conflict (customer_id) do update
			set orders = t.orders + 1, last_placed_at = greatest(t.last_placed_at, excluded.last_placed_at)""";
	// H2 (the embedded demo database) has no ON CONFLICT; its MERGE does the same
	private static final String COUNT_H2 = """
			merge into customer_order_totals t
			using (values (cast(? as varchar(128)), cast(? as timestamp with time zone))) n (customer_id, placed_at)
			on t.customer_id = n.customer_id
			when matched then update set orders = t.orders + 1, last_placed_at = greatest(t.last_placed_at, n.placed_at)
			when not matched then insert (customer_id, orders, last_placed_at) values (n.customer_id, 1, n.placed_at)""";

	private final JdbcClient jdbc;
	private final Clock clock;
	private final boolean postgres;

	Orders(JdbcClient jdbc, Clock clock, InsertIfAbsent dialect) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.postgres = dialect.postgres();
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
		Timestamp placedAt = Timestamp.from(order.envelope().time() == null ? Instant.now(clock)
				: order.envelope().time().toInstant());
		jdbc.sql("insert into orders (id, customer_id, total, currency, placed_at) values (?, ?, ?, ?, ?)")
				.params(order.orderId(), order.customerId(), order.total(), order.currency(), placedAt)
				.update();
		jdbc.sql(postgres ? COUNT_POSTGRES : COUNT_H2).params(order.customerId(), placedAt).update();
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
