package io.shopflow.channels.push;

/** The push service refused the message for good (4xx other than 404/410): recorded, not retried. */
public class PushRejected extends RuntimeException {

	public PushRejected(String message) {
		super(message);
	}
}
