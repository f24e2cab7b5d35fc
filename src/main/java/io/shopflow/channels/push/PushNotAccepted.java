package io.shopflow.channels.push;

/** The push service was unreachable or failed (5xx): the job retries. */
public class PushNotAccepted extends RuntimeException {

	PushNotAccepted(String message, Throwable cause) {
		super(message, cause);
	}
}
