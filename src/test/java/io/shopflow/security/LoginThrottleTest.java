package io.shopflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

/** Failed sign-ins slow down their address with a growing, capped delay, and are forgotten after a quiet spell. */
class LoginThrottleTest {

	private Instant now = Instant.parse("2026-12-08T10:00:00Z");
	private final LoginThrottle throttle = new LoginThrottle(
			new LoginSettings(3, Duration.ofSeconds(1), Duration.ofSeconds(8)), new Clock() {
				@Override
				public ZoneOffset getZone() {
					return ZoneOffset.UTC;
				}

				@Override
				public Clock withZone(java.time.ZoneId zone) {
					return this;
				}

				@Override
				public Instant instant() {
					return now;
				}
			});

	@Test
	void theDelayGrowsAndStopsAtItsCap() {
		for (int i = 0; i < 3; i++) {
			throttle.failed("admin", "203.0.113.7");
			assertThat(throttle.waitFor("admin", "203.0.113.7")).isZero();
		}
		long[] expected = { 1, 2, 4, 8, 8 };
		for (long seconds : expected) {
			throttle.failed("admin", "203.0.113.7");
			assertThat(throttle.waitFor("admin", "203.0.113.7")).isEqualTo(Duration.ofSeconds(seconds));
		}
		assertThat(throttle.waitFor("admin", "198.51.100.1")).as("another address").isZero();
	}

	@Test
	void anAddressGuessingManyUsersIsSlowedForEachOfThem() {
		for (int i = 0; i < 5; i++) {
			throttle.failed("user" + i, "203.0.113.8");
		}
		assertThat(throttle.waitFor("someone-else", "203.0.113.8")).isPositive();
	}

	@Test
	void aQuietSpellForgetsTheFailures() {
		for (int i = 0; i < 6; i++) {
			throttle.failed("admin", "203.0.113.9");
		}
		assertThat(throttle.waitFor("admin", "203.0.113.9")).isPositive();
		now = now.plus(Duration.ofSeconds(20));
		assertThat(throttle.waitFor("admin", "203.0.113.9")).isZero();
		throttle.failed("admin", "203.0.113.9");
		assertThat(throttle.waitFor("admin", "203.0.113.9")).as("counted afresh, within the free attempts").isZero();
	}
}
