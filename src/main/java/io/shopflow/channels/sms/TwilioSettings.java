package io.shopflow.channels.sms;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Twilio's Messages API. from is a sender number or alphanumeric sender id; statusCallbackUrl, when set, is
 * passed to Twilio for delivery reports.
 */
@ConfigurationProperties("shopflow.sms.twilio")
record TwilioSettings(String baseUrl, String accountSid, String authToken, String from, String statusCallbackUrl) {
}
