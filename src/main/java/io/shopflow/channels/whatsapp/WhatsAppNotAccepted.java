package io.shopflow.channels.whatsapp;

/** Twilio was unreachable or failed (5xx): the job retries. */
class WhatsAppNotAccepted extends RuntimeException {

	WhatsAppNotAccepted(String message, Throwable cause) {
		super(message, cause);
	}
}
