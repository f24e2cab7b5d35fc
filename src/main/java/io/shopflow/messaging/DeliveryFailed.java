package io.shopflow.messaging;

/** A channel did not take the message (e.g. SMTP down). Technical: the job retries, then raises an incident. */
public class DeliveryFailed extends RuntimeException {

	public DeliveryFailed(String message, Throwable cause) {
		super(message, cause);
	}
}
