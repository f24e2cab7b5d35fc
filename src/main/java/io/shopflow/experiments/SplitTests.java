package io.shopflow.experiments;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import io.shopflow.support.InsertIfAbsent;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * A/B splits inside flows. A customer's variant is a hash of the test and the customer, so it is the same on
 * every node and every time, and spreads by the weights. Once a winner is decided, everyone gets it.
 */
@Service
public class SplitTests {

	private static final Logger log = LoggerFactory.getLogger(SplitTests.class);
	static final int MIN_CUSTOMERS = 500;
	static final double SIGNIFICANCE = 0.05;
	private static final long CHECK_EVERY_MILLIS = 60_000;

	private final JdbcClient jdbc;
	private final InsertIfAbsent inserts;
	private final Clock clock;
	private final Map<String, Long> lastChecked = new ConcurrentHashMap<>();

	SplitTests(JdbcClient jdbc, InsertIfAbsent inserts, Clock clock) {
		this.jdbc = jdbc;
		this.inserts = inserts;
		this.clock = clock;
	}

	/** weights like "a:50,b:50"; a variant of weight 0 gets nobody. */
	public static Map<String, Integer> weights(String spec) {
		Map<String, Integer> weights = new LinkedHashMap<>();
		for (String part : spec.split(",")) {
			String[] pair = part.trim().split(":");
			if (pair.length != 2) {
				throw new IllegalArgumentException("split variants must look like a:50,b:50, not " + spec);
			}
			weights.put(pair[0].trim(), Integer.parseInt(pair[1].trim()));
		}
		if (weights.values().stream().mapToInt(Integer::intValue).sum() <= 0) {
			throw new IllegalArgumentException("split weights must add up to more than 0: " + spec);
		}
		return weights;
	}

	public String assign(String testKey, String customerId, Map<String, Integer> weights) {
		return winner(testKey).orElseGet(() -> bucket(testKey, customerId, weights));
	}

	static String bucket(String testKey, String customerId, Map<String, Integer> weights) {
		int total = weights.values().stream().mapToInt(Integer::intValue).sum();
		long point = Long.remainderUnsigned(hash(testKey + "\n" + customerId), total);
		for (Map.Entry<String, Integer> variant : weights.entrySet()) {
			point -= variant.getValue();
			if (point < 0) {
				return variant.getKey();
			}
		}
		throw new IllegalStateException("unreachable");
	}

	public Optional<String> winner(String testKey) {
		return jdbc.sql("select variant from split_winners where test_key = ?").param(testKey).query(String.class)
				.optional();
	}

	/**
	 * Picks the winner of a flow's test once every variant has MIN_CUSTOMERS customers and the best one converts
	 * better than each other at 95% confidence. Checked at most once a minute per test.
	 */
	public void pickWinnerIfClear(String testKey, String flow) {
		long now = clock.millis();
		Long last = lastChecked.get(testKey);
		if (last != null && now - last < CHECK_EVERY_MILLIS || winner(testKey).isPresent()) {
			return;
		}
		lastChecked.put(testKey, now);
		List<VariantResult> results = results(flow);
		if (results.size() < 2 || results.stream().anyMatch(result -> result.customers() < MIN_CUSTOMERS)) {
			return;
		}
		VariantResult best = results.stream().max(Comparator.comparingDouble(VariantResult::rate)).orElseThrow();
		double worstP = results.stream().filter(result -> result != best)
				.mapToDouble(result -> ZTest.of(best.conversions(), best.customers(), result.conversions(),
						result.customers()).pValue())
				.max().orElse(1);
		if (worstP < SIGNIFICANCE) {
			inserts.insert("insert into split_winners (test_key, variant, decided_at, p_value) values (?, ?, ?, ?)",
					"test_key", testKey, best.variant(), Timestamp.from(Instant.now(clock)), worstP);
			log.info("Split test {}: variant {} wins (p = {})", testKey, best.variant(), worstP);
		}
	}

	/** Per variant of a flow: customers who got a message of it, and those of them with an attributed order. */
	public List<VariantResult> results(String flow) {
		return results(flow, Timestamp.from(Instant.EPOCH), Timestamp.from(Instant.now(clock).plusSeconds(86_400)));
	}

	/** The same, for messages sent (created) from, inclusive, to, exclusive. */
	public List<VariantResult> results(String flow, Timestamp from, Timestamp to) {
		return jdbc.sql("""
				select c.variant, count(*), sum(c.converted) from (
				  select s.variant, s.customer_id, max(case when a.order_id is not null then 1 else 0 end) as converted
				  from send_log s left join attributions a on a.send_id = s.id
				  where s.flow = ? and s.created_at >= ? and s.created_at < ? and s.variant is not null
				    and s.status = 'SENT'
				  group by s.variant, s.customer_id) c
				group by c.variant order by c.variant""")
				.params(flow, from, to)
				.query((rs, n) -> new VariantResult(rs.getString(1), rs.getLong(2), rs.getLong(3)))
				.list();
	}

	public record VariantResult(String variant, long customers, long conversions) {

		public double rate() {
			return customers == 0 ? 0 : (double) conversions / customers;
		}
	}

	private static long hash(String value) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
			long hash = 0;
			for (int i = 0; i < 8; i++) {
				hash = (hash << 8) | (digest[i] & 0xff);
			}
			return hash;
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}
