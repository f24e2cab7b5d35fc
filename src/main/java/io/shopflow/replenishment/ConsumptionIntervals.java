package io.shopflow.replenishment;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.shopflow.flows.ReplenishmentSettings;
import io.shopflow.products.Products;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** How long a customer's purchase of a product lasts: learned from their orders, or from the catalogue. */
@Component
class ConsumptionIntervals {

	enum Source {
		LEARNED, CATALOGUE
	}

	record Interval(Duration duration, Source source) {
	}

	private final JdbcClient jdbc;
	private final Products products;
	private final ReplenishmentSettings settings;

	ConsumptionIntervals(JdbcClient jdbc, Products products, ReplenishmentSettings settings) {
		this.jdbc = jdbc;
		this.products = products;
		this.settings = settings;
	}

	/** quantity scales the catalogue's interval (two bottles last twice as long); a learned one already shows it. */
	Optional<Interval> of(String customerId, String productId, int quantity) {
		List<Instant> orders = orderTimes(customerId, productId);
		if (orders.size() >= Math.max(2, settings.learnAfterOrders())) {
			return Optional.of(new Interval(median(gaps(orders)), Source.LEARNED));
		}
		return catalogue(productId).map(interval -> new Interval(interval.multipliedBy(Math.max(1, quantity)),
				Source.CATALOGUE));
	}

	private Optional<Duration> catalogue(String productId) {
		return products.consumptionInterval(productId)
				.or(() -> Optional.ofNullable(settings.intervals().get(productId)))
				.or(() -> products.category(productId).map(settings.intervals()::get));
	}

	private List<Instant> orderTimes(String customerId, String productId) {
		return jdbc.sql("""
				select o.placed_at from orders o join order_lines l on l.order_id = o.id
				where o.customer_id = ? and l.product_id = ? order by o.placed_at""")
				.params(customerId, productId)
				.query((rs, n) -> rs.getTimestamp(1).toInstant())
				.list();
	}

	static List<Duration> gaps(List<Instant> times) {
		List<Duration> gaps = new ArrayList<>();
		for (int i = 1; i < times.size(); i++) {
			gaps.add(Duration.between(times.get(i - 1), times.get(i)));
		}
		return gaps;
	}

	static Duration median(List<Duration> durations) {
		List<Duration> sorted = durations.stream().sorted().toList();
		int middle = sorted.size() / 2;
		return sorted.size() % 2 == 1 ? sorted.get(middle)
				: sorted.get(middle - 1).plus(sorted.get(middle)).dividedBy(2);
	}
}
