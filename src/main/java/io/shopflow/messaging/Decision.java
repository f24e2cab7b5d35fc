package io.shopflow.messaging;

import java.time.Instant;

import io.shopflow.templates.RenderedMessage;

/**
 * What the claim and the gate decided for a send: it is already done or skipped (outcome), it must wait
 * (deferUntil), or it goes on this channel with these parts.
 */
record Decision(SendOutcome outcome, MessageChannel channel, RenderedMessage parts, Instant deferUntil,
		String deferReason) {

	static Decision done(SendOutcome outcome) {
		return new Decision(outcome, null, null, null, null);
	}

	static Decision defer(Instant until, String reason) {
		return new Decision(null, null, null, until, reason);
	}

	static Decision go(MessageChannel channel, RenderedMessage parts) {
		return new Decision(null, channel, parts, null, null);
	}
}
