package io.shopflow.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Failed sign-ins counted per client address, and per user at that address, each with a capped, growing delay.
 * Never a permanent lock: a guesser elsewhere cannot lock the admin out (Camunda's own permanent lock is off,
 * its short per-user delay stays), and a throttled address is free again after at most maxDelay.
 */
final class LoginThrottle {

	private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);
	private static final int MAX_TRACKED = 100_000;

	/** Failures in a row from one key, the last one's time, and until when the next attempt waits (or null). */
	private record Failures(int count, Instant last, Instant until) {
	}

	private final LoginSettings settings;
	private final Clock clock;
	private final Map<String, Failures> failures = new ConcurrentHashMap<>();

	LoginThrottle(LoginSettings settings, Clock clock) {
		this.settings = settings;
		this.clock = clock;
	}

	/** How long the caller must wait before this attempt is even checked; zero when it may try now. */
	Duration waitFor(String user, String address) {
		Instant now = clock.instant();
		Instant until = later(failures.get(address), failures.get(address + "|" + user));
		return until != null && until.isAfter(now) ? Duration.between(now, until) : Duration.ZERO;
	}

	void failed(String user, String address) {
		if (failures.size() > MAX_TRACKED) {
			Instant now = clock.instant();
			failures.values().removeIf(f -> f.last().plus(settings.maxDelay()).isBefore(now));
		}
		Failures byAddress = failures.merge(address, next(null), (old, ignored) -> next(old));
		failures.merge(address + "|" + user, next(null), (old, ignored) -> next(old));
		if (byAddress.until() != null) {
			log.warn("Sign-in failed for user '{}' from {} ({} failures from there): next attempt from there in {} s",
					user, address, byAddress.count(), Duration.between(clock.instant(), byAddress.until()).toSeconds());
		}
	}

	void succeeded(String user, String address) {
		failures.remove(address + "|" + user);
	}

	/** A quiet spell of maxDelay since the last failure forgets the earlier ones: no address is slowed for good. */
	private Failures next(Failures old) {
		Instant now = clock.instant();
		boolean forgotten = old == null || old.last().plus(settings.maxDelay()).isBefore(now);
		int count = forgotten ? 1 : old.count() + 1;
		int throttled = count - settings.freeAttempts();
		if (throttled <= 0) {
			return new Failures(count, now, null);
		}
		long millis = settings.firstDelay().toMillis() << Math.min(throttled - 1, 20);
		Duration delay = Duration.ofMillis(Math.min(millis, settings.maxDelay().toMillis()));
		return new Failures(count, now, now.plus(delay));
	}

	private static Instant later(Failures a, Failures b) {
		Instant x = a == null ? null : a.until();
		Instant y = b == null ? null : b.until();
		return x == null ? y : y == null || x.isAfter(y) ? x : y;
	}
}
