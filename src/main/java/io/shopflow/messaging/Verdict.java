package io.shopflow.messaging;

import java.time.Instant;

/** The gate's answer for one channel: go, skip (with a reason) or come back later. */
record Verdict(String skipReason, Instant deferUntil) {

	static final Verdict GO = new Verdict(null, null);

	static Verdict skip(String reason) {
		return new Verdict(reason, null);
	}

	static Verdict defer(Instant until) {
		return new Verdict(null, until);
	}

	boolean go() {
		return skipReason == null && deferUntil == null;
	}
}
