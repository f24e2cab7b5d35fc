package io.shopflow.channels.sms;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Twilio's Messages API. from is a sender number or alphanumeric sender id; statusCallbackUrl, when set, is
 * passed to Twilio for delivery reports. A read timeout leaves it unknown whether Twilio took the message, so
 * such a send is not retried automatically (see DeliveryStateUnknown).
 */
@ConfigurationProperties("shopflow.sms.twilio")
record TwilioSettings(String baseUrl, String accountSid, String authToken, String from, String statusCallbackUrl,
		Duration connectTimeout, Duration readTimeout) {
}
