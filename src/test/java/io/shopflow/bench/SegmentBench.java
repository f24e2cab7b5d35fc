package io.shopflow.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import io.shopflow.IntegrationTestBase;
import io.shopflow.segments.Segments;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/**
 * The seven marketer segments previewed (count and a sample of 20) on 1M generated customers in embedded
 * PostgreSQL, with ~3M product views in repeat visits, 300k orders and their interest rows; against the floor
 * of the same run, a bare count of all customers. Writes target/bench/segments.json. Target: under 1 s each.
 * -Dbench.customers=N changes the size.
 */
@TestPropertySource(properties = "camunda.bpm.job-execution.enabled=false")
@DirtiesContext
class SegmentBench extends IntegrationTestBase {

	private static final int CUSTOMERS = Integer.getInteger("bench.customers", 1_000_000);
	/** -Dbench.explain=true prints each segment's query plans with their timings (EXPLAIN ANALYZE). */
	private static final boolean EXPLAIN = Boolean.getBoolean("bench.explain");
	private static final Path OUTPUT = Path.of(System.getProperty("bench.output", "target/bench"));

	static final Map<String, String> SEGMENTS = new LinkedHashMap<>();

	static {
		SEGMENTS.put("first-time visitors", """
				{"and":[{"joined":{"within":"P1D"}},{"not":{"event":"shop.product.viewed","atLeast":2}},
				        {"not":{"orders":{"atLeast":1}}}]}""");
		SEGMENTS.put("just subscribed with consent", "{\"consent\":\"email\",\"within\":\"P7D\"}");
		SEGMENTS.put("interested in a category", "{\"viewed\":{\"category\":\"cat-3\"},\"within\":\"P30D\"}");
		SEGMENTS.put("4+ visits, no purchase", """
				{"and":[{"event":"shop.product.viewed","atLeast":4,"within":"P30D"},{"not":{"orders":{"atLeast":1}}}]}""");
		SEGMENTS.put("viewed X, not in cart", "{\"viewed\":{\"productId\":\"p-17\"},\"within\":\"P7D\",\"notInCart\":true}");
		SEGMENTS.put("bought Y within 30 days", "{\"bought\":{\"productId\":\"p-42\"},\"within\":\"P30D\"}");
		SEGMENTS.put("bought once, nothing for 180 days", "{\"orders\":{\"atLeast\":1,\"atMost\":1},\"lastNotWithin\":\"P180D\"}");
	}

	@Autowired
	Segments segments;

	@Test
	void theSevenSegmentsOnAMillionCustomers() throws Exception {
		long start = System.nanoTime();
		generate();
		double generated = (System.nanoTime() - start) / 1e9;
		ObjectMapper json = new ObjectMapper();

		// the floor as the segments are measured: the median of 5 after a warm-up, as one run alone is mostly noise
		long all = 0;
		List<Double> floors = new ArrayList<>();
		for (int i = 0; i < 6; i++) {
			long floorStart = System.nanoTime();
			all = jdbc.sql("select count(*) from customers").query(Long.class).single();
			floors.add((System.nanoTime() - floorStart) / 1e6);
		}
		floors.remove(0);
		floors.sort(null);
		double floor = floors.get(2);
		Map<String, Object> results = new LinkedHashMap<>();
		long[] views = jdbc.sql("select count(*), count(distinct subject) from shop_events where type = 'shop.product.viewed'")
				.query((rs, n) -> new long[] { rs.getLong(1), rs.getLong(2) }).single();
		System.out.printf("%nSegments on %,d customers, %,d of them with %,d product views (generated in %.0f s);"
				+ " floor: count all customers p50 %.0f ms%n", all, views[1], views[0], generated, floor);
		for (var segment : SEGMENTS.entrySet()) {
			var condition = json.readTree(segment.getValue());
			segments.preview(condition, 20);
			List<Long> millis = new ArrayList<>();
			long members = 0;
			for (int i = 0; i < 5; i++) {
				var preview = segments.preview(condition, 20);
				millis.add(preview.millis());
				members = preview.count();
			}
			millis.sort(null);
			if (EXPLAIN) {
				segments.explain(condition, 20).forEach(line -> System.out.println("    | " + line));
			}
			Map<String, Object> figure = new LinkedHashMap<>();
			figure.put("members", members);
			figure.put("p50Millis", millis.get(2));
			figure.put("maxMillis", millis.get(4));
			figure.put("p50PerFloor", millis.get(2) / floor);
			results.put(segment.getKey(), figure);
			System.out.printf("  %-36s %,9d members  p50 %5d ms  max %5d ms  p50 %5.1f x floor%n", segment.getKey(),
					members, millis.get(2), millis.get(4), millis.get(2) / floor);
		}
		Map<String, Object> out = new LinkedHashMap<>();
		out.put("timestamp", Instant.now().toString());
		out.put("customers", all);
		out.put("floorCountAllMillis", floor);
		out.put("segments", results);
		Files.createDirectories(OUTPUT);
		new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(OUTPUT.resolve("segments.json").toFile(), out);
	}

	/**
	 * Customers joined over 2 years, 90% with email consent, 30% with orders. Half of them visit the shop, as
	 * shops see it: how many visits each is Pareto-distributed (alpha 1.5, at most 200: 65% visit once, 12% four
	 * times or more, up to 200 times), each visit on a random minute of the last 60 days (or since they
	 * joined) with 1 to 4 product views 3 minutes apart; ~3M views in all. "Random" is PostgreSQL's hash of the
	 * row number, so every run generates the same data.
	 */
	private void generate() {
		jdbc.sql("""
				create or replace function bench_hash(x bigint) returns double precision language sql immutable
				as 'select (hashint8(x)::bigint + 2147483648.5) / 4294967296.0'""").update();
		jdbc.sql("""
				insert into customers (id, email, locale, time_zone, created_at, updated_at)
				select 'sb-' || g, 'sb-' || g || '@example.com', 'en', 'Europe/Stockholm',
				  now() - ((g % 730) || ' days')::interval - ((g % 24) || ' hours')::interval, now()
				from generate_series(1, ?) g""").param(CUSTOMERS).update();
		jdbc.sql("""
				insert into consents (customer_id, channel, granted, source, changed_at)
				select 'sb-' || g, 'email', true, 'bench', now() - ((g % 400) || ' days')::interval
				from generate_series(1, ?) g where g % 10 <> 0""").param(CUSTOMERS).update();
		jdbc.sql("""
				insert into products (id, name, category, updated_at)
				select 'p-' || g, 'Product ' || g, 'cat-' || (g % 20), now() from generate_series(1, 500) g""").update();
		jdbc.sql("""
				insert into shop_events (id, type, source, subject, event_time, received_at)
				select 'sbv-' || s || '-' || v || '-' || k, 'shop.product.viewed', 'bench', 'sb-' || s,
				  visit.at + k * interval '3 minutes', visit.at + k * interval '3 minutes'
				from generate_series(1, ?) s
				cross join lateral generate_series(1, least(200, floor(power(bench_hash(s), -2.0 / 3)))::int) v
				cross join lateral (select now() - interval '1 minute' * floor(bench_hash(s * 1000 + v + 7)
				    * least(86400, greatest(1, (s % 730) * 1440 + (s % 24) * 60))) - interval '10 minutes' as at,
				  1 + floor(bench_hash(s * 1000 + v + 13) * 4)::int as views) visit
				cross join lateral generate_series(0, visit.views - 1) k
				where s % 2 = 1""").param(CUSTOMERS).update();
		// the per-customer counts the intake keeps as events arrive, built as V16__event_counts.sql does
		jdbc.sql("""
				insert into customer_event_days (customer_id, type, event_day, events)
				select subject, type, cast(received_at at time zone 'UTC' as date), count(*)
				from shop_events where subject is not null
				group by subject, type, cast(received_at at time zone 'UTC' as date)""").update();
		jdbc.sql("""
				insert into customer_event_totals (customer_id, type, events)
				select customer_id, type, sum(events) from customer_event_days group by customer_id, type""").update();
		jdbc.sql("""
				insert into product_interest (customer_id, product_id, viewed_at, carted_at, last_at)
				select 'sb-' || g, 'p-' || (1 + floor(bench_hash(g + 3) * 500)), viewed_at,
				  case when g % 4 = 0 then viewed_at end, viewed_at
				from (select g, now() - interval '1 minute' * floor(bench_hash(g + 5) * 86400) as viewed_at
				  from generate_series(1, ?) g) v""").param(CUSTOMERS).update();
		jdbc.sql("""
				insert into orders (id, customer_id, total, currency, placed_at)
				select 'sbo-' || g, 'sb-' || (g * 3 % ?), 50, 'EUR', now() - interval '1 hour' * floor(bench_hash(g + 11) * 9600)
				from generate_series(1, ?) g""").params(CUSTOMERS, CUSTOMERS * 3 / 10).update();
		jdbc.sql("""
				insert into order_lines (order_id, product_id, quantity, price)
				select 'sbo-' || g, 'p-' || (1 + floor(bench_hash(g + 17) * 500)), 1, 50 from generate_series(1, ?) g""")
				.param(CUSTOMERS * 3 / 10).update();
		// each customer's order count, built as V17__order_totals.sql does
		jdbc.sql("""
				insert into customer_order_totals (customer_id, orders, last_placed_at)
				select customer_id, count(*), max(placed_at) from orders group by customer_id""").update();
		jdbc.sql("vacuum analyze").update();
	}
}
