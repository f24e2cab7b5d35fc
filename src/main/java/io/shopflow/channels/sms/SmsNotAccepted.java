package io.shopflow.channels.sms;

/** The provider was unreachable or failed (5xx): the job retries. */
public class SmsNotAccepted extends RuntimeException {

	SmsNotAccepted(String message, Throwable cause) {
		super(message, cause);
	}
}
