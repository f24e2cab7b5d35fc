package io.shopflow.messaging;

import java.time.Instant;

/**
 * The send may not happen now (quiet hours) and goes back through the gate at {@link #until()}. Not a
 * failure: the engine reschedules the step's job for then, without using up a retry.
 */
public class SendDeferred extends RuntimeException {

	private final Instant until;

	SendDeferred(String sendKey, String reason, Instant until) {
		super("Send " + sendKey + " deferred until " + until + " (" + reason + ")", null, false, false);
		this.until = until;
	}

	public Instant until() {
		return until;
	}
}
