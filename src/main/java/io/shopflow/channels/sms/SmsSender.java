package io.shopflow.channels.sms;

/**
 * A provider-neutral SMS port. Throws {@link SmsRejected} when the provider refused this message for good
 * (bad number, opted out at the carrier): not retried. Any other exception means "try again".
 */
public interface SmsSender {

	/** @return the provider's id of the message, for delivery callbacks */
	String send(Sms sms);
}
