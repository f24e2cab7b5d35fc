package io.shopflow.recommendations;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.shopflow.products.ProductInterest;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * What to show a customer next to some products (an order's, or a viewed one), best first:
 * <ol>
 * <li>bought together: products that share the most orders with them;</li>
 * <li>recently viewed by the customer but not bought;</li>
 * <li>best sellers, so a new shop or a new product still gets a list.</li>
 * </ol>
 * Never the products themselves, nor what the customer already bought. Each source is one SQL query over
 * indexed tables; nothing is loaded into memory.
 */
@Service
public class Recommendations {

	private final JdbcClient jdbc;
	private final ProductInterest interest;

	Recommendations(JdbcClient jdbc, ProductInterest interest) {
		this.jdbc = jdbc;
		this.interest = interest;
	}

	public List<String> forCustomer(String customerId, Collection<String> productIds, int limit) {
		Set<String> except = new LinkedHashSet<>(productIds);
		except.addAll(bought(customerId));
		Set<String> picked = new LinkedHashSet<>();
		fill(picked, boughtTogether(productIds, except, limit), limit);
		fill(picked, interest.viewedNotBought(customerId, except, limit), limit);
		if (picked.size() < limit) {
			except.addAll(picked);
			fill(picked, bestSellers(except, limit), limit);
		}
		return List.copyOf(picked);
	}

	/** Co-purchases only, most shared orders first; empty for products nobody bought with others. */
	List<String> boughtTogether(Collection<String> productIds, Collection<String> except, int limit) {
		if (productIds.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("""
				select other.product_id from order_lines mine
				join order_lines other on other.order_id = mine.order_id
				  and other.product_id not in (:ids) and other.product_id not in (:except)
				where mine.product_id in (:ids)
				group by other.product_id
				order by count(distinct other.order_id) desc, other.product_id
				limit :limit""")
				.param("ids", productIds)
				.param("except", nonEmpty(except))
				.param("limit", limit)
				.query(String.class)
				.list();
	}

	/** Most units sold first. */
	List<String> bestSellers(Collection<String> except, int limit) {
		return jdbc.sql("""
				select product_id from order_lines
				where product_id not in (:except)
				group by product_id order by sum(quantity) desc, product_id limit :limit""")
				.param("except", nonEmpty(except))
				.param("limit", limit)
				.query(String.class)
				.list();
	}

	private List<String> bought(String customerId) {
		return jdbc.sql("""
				select distinct l.product_id from orders o join order_lines l on l.order_id = o.id
				where o.customer_id = ?""")
				.param(customerId)
				.query(String.class)
				.list();
	}

	private static void fill(Set<String> picked, List<String> candidates, int limit) {
		for (String candidate : candidates) {
			if (picked.size() >= limit) {
				return;
			}
			picked.add(candidate);
		}
	}

	private static Collection<String> nonEmpty(Collection<String> ids) {
		return ids.isEmpty() ? List.of("") : ids;
	}
}
