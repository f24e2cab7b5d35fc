package io.shopflow.channels.sms;

/** The provider answered 4xx: the message can never go out as it is, so retrying is pointless. */
public class SmsRejected extends RuntimeException {

	SmsRejected(String message) {
		super(message);
	}
}
