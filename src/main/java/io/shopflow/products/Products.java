package io.shopflow.products;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import io.shopflow.support.HttpUrls;
import io.shopflow.support.InsertIfAbsent;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The latest the shop said about each product; absent fields keep what was known. */
@Repository
public class Products {

	private final JdbcClient jdbc;
	private final InsertIfAbsent insertIfAbsent;
	private final Clock clock;

	Products(JdbcClient jdbc, InsertIfAbsent insertIfAbsent, Clock clock) {
		this.jdbc = jdbc;
		this.insertIfAbsent = insertIfAbsent;
		this.clock = clock;
	}

	public Optional<Map<String, Object>> find(String productId) {
		return jdbc.sql("select id, name, url, image_url, price, currency, category from products where id = ?")
				.param(productId)
				.query((rs, n) -> {
					Map<String, Object> product = new LinkedHashMap<>();
					product.put("id", rs.getString(1));
					product.put("name", rs.getString(2) == null ? rs.getString(1) : rs.getString(2));
					product.put("url", HttpUrls.orNull(rs.getString(3)));
					product.put("imageUrl", HttpUrls.orNull(rs.getString(4)));
					product.put("price", rs.getBigDecimal(5));
					product.put("currency", rs.getString(6));
					product.put("category", rs.getString(7));
					return product;
				})
				.optional();
	}

	/** How long one unit lasts, as the shop's catalogue said, if it is a consumable. */
	public Optional<Duration> consumptionInterval(String productId) {
		return jdbc.sql("select consumption_interval from products where id = ?").param(productId)
				.query(String.class).optional().map(Duration::parse);
	}

	public Optional<String> category(String productId) {
		return jdbc.sql("select category from products where id = ?").param(productId).query(String.class).optional();
	}

	void save(String id, String name, String url, String imageUrl, BigDecimal price, String currency, String category,
			Duration consumptionInterval) {
		Timestamp now = Timestamp.from(Instant.now(clock));
		String interval = consumptionInterval == null ? null : consumptionInterval.toString();
		if (update(id, name, url, imageUrl, price, currency, category, interval, now) == 0
				// two batches naming a new product at once: the second waits for the first, inserts nothing, updates
				&& insertIfAbsent.insert("""
						insert into products (id, name, url, image_url, price, currency, category, consumption_interval,
						  updated_at)
						values (?, ?, ?, ?, ?, ?, ?, ?, ?)""", "id", id, name, url, imageUrl, price, currency, category,
						interval, now) == 0) {
			update(id, name, url, imageUrl, price, currency, category, interval, now);
		}
	}

	private int update(String id, String name, String url, String imageUrl, BigDecimal price, String currency,
			String category, String interval, Timestamp now) {
		return jdbc.sql("""
				update products set name = coalesce(?, name), url = coalesce(?, url), image_url = coalesce(?, image_url),
				  price = coalesce(?, price), currency = coalesce(?, currency), category = coalesce(?, category),
				  consumption_interval = coalesce(?, consumption_interval), updated_at = ?
				where id = ?""")
				.params(name, url, imageUrl, price, currency, category, interval, now, id)
				.update();
	}
}
