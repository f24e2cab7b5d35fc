package io.shopflow.recommendations;

import java.util.Collection;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * "Bought together": products that share the most orders with the given ones, most shared first, the given
 * ones excluded. Falls back to the best sellers when the products have no co-purchases yet. One SQL query
 * over indexed order lines, nothing loaded into memory.
 */
@Service
public class Recommendations {

	private final JdbcClient jdbc;

	Recommendations(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public List<String> boughtTogether(Collection<String> productIds, int limit) {
		if (productIds.isEmpty()) {
			return bestSellers(List.of(), limit);
		}
		List<String> together = jdbc.sql("""
				select other.product_id from order_lines mine
				join order_lines other on other.order_id = mine.order_id and other.product_id not in (:ids)
				where mine.product_id in (:ids)
				group by other.product_id
				order by count(distinct other.order_id) desc, other.product_id
				limit :limit""")
				.param("ids", productIds)
				.param("limit", limit)
				.query(String.class)
				.list();
		return together.isEmpty() ? bestSellers(productIds, limit) : together;
	}

	List<String> bestSellers(Collection<String> except, int limit) {
		return jdbc.sql("""
				select product_id from order_lines
				where product_id not in (:except)
				group by product_id order by sum(quantity) desc, product_id limit :limit""")
				.param("except", except.isEmpty() ? List.of("") : except)
				.param("limit", limit)
				.query(String.class)
				.list();
	}
}
