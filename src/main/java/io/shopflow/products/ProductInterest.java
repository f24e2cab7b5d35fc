package io.shopflow.products;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The last time each customer viewed a product or put it in a cart. Written inside the intake's transaction,
 * after the customer's row was locked, so update-then-insert cannot race for one customer.
 */
@Repository
public class ProductInterest {

	private final JdbcClient jdbc;
	private final Clock clock;

	ProductInterest(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	void viewed(String customerId, String productId, Instant at) {
		record(customerId, productId, "viewed_at", at);
	}

	void carted(String customerId, String productId, Instant at) {
		record(customerId, productId, "carted_at", at);
	}

	/**
	 * Customers who viewed or carted the product since the given time and have not ordered it since they last
	 * did, in a stable order.
	 */
	public List<String> wantedSince(String productId, Instant since) {
		return jdbc.sql("""
				select i.customer_id from product_interest i
				where i.product_id = :product and i.last_at >= :since
				  and not exists (select 1 from orders o join order_lines l on l.order_id = o.id
				                  where o.customer_id = i.customer_id and l.product_id = :product
				                    and o.placed_at >= i.last_at)
				order by i.customer_id""")
				.param("product", productId)
				.param("since", Timestamp.from(since))
				.query(String.class)
				.list();
	}

	/** Products the customer viewed, most recent first, that they never ordered, except the given ones. */
	public List<String> viewedNotBought(String customerId, Collection<String> except, int limit) {
		return jdbc.sql("""
				select i.product_id from product_interest i
				where i.customer_id = :customer and i.viewed_at is not null and i.product_id not in (:except)
				  and not exists (select 1 from orders o join order_lines l on l.order_id = o.id
				                  where o.customer_id = i.customer_id and l.product_id = i.product_id)
				order by i.viewed_at desc, i.product_id
				limit :limit""")
				.param("customer", customerId)
				.param("except", except.isEmpty() ? List.of("") : except)
				.param("limit", limit)
				.query(String.class)
				.list();
	}

	private void record(String customerId, String productId, String column, Instant at) {
		Timestamp time = Timestamp.from(at == null ? Instant.now(clock) : at);
		// column is one of two constants above, never input
		int updated = jdbc.sql("update product_interest set " + column + " = greatest(coalesce(" + column + ", ?), ?), last_at = greatest(last_at, ?)"
				+ " where customer_id = ? and product_id = ?")
				.params(time, time, time, customerId, productId)
				.update();
		if (updated == 0) {
			jdbc.sql("insert into product_interest (customer_id, product_id, " + column + ", last_at)"
					+ " values (?, ?, ?, ?)")
					.params(customerId, productId, time, time)
					.update();
		}
	}
}
