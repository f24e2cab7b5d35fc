package io.shopflow.coupons;

import java.math.BigDecimal;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import io.shopflow.outbound.OutboundEvents;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Unique, single-customer discount codes. Codes avoid look-alike characters (0/O, 1/I) because people type them.
 */
@Repository
public class Coupons {

	private static final char[] ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();
	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcClient jdbc;
	private final Clock clock;
	private final OutboundEvents outbound;

	Coupons(JdbcClient jdbc, Clock clock, OutboundEvents outbound) {
		this.outbound = outbound;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	public Coupon issue(String customerId, BigDecimal percent, Duration validFor, String flow, String processInstanceId) {
		Instant now = Instant.now(clock);
		Coupon coupon = new Coupon(newCode(), customerId, percent, now.plus(validFor));
		jdbc.sql("""
				insert into coupons (code, customer_id, percent, flow, process_instance_id, issued_at, expires_at)
				values (?, ?, ?, ?, ?, ?, ?)""")
				.params(coupon.code(), customerId, percent, flow, processInstanceId, Timestamp.from(now),
						Timestamp.from(coupon.expiresAt()))
				.update();
		outbound.record(OutboundEvents.COUPON_ISSUED, customerId, Map.of("code", coupon.code(), "percent", percent,
				"expiresAt", coupon.expiresAt().toString(), "flow", String.valueOf(flow)));
		return coupon;
	}

	public Optional<Coupon> find(String code) {
		return jdbc.sql("select code, customer_id, percent, expires_at from coupons where code = ?")
				.param(code)
				.query((rs, n) -> new Coupon(rs.getString(1), rs.getString(2), rs.getBigDecimal(3),
						rs.getTimestamp(4).toInstant()))
				.optional();
	}

	/** 10 characters of a 32-letter alphabet: 50 bits, collisions are not a practical concern. */
	private static String newCode() {
		StringBuilder code = new StringBuilder("SF-");
		for (int i = 0; i < 10; i++) {
			code.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
		}
		return code.toString();
	}
}
