package io.shopflow.channels.sms;

import java.util.Map;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * defaultRegion: the country assumed for numbers without a + prefix when the customer's locale names none.
 * optOutHints: per language, appended to every marketing SMS. stopKeywords: an inbound SMS that says one of
 * these (any case, surrounding blanks ignored) unsubscribes its sender from SMS.
 */
@ConfigurationProperties("shopflow.sms")
record SmsSettings(String defaultRegion, Map<String, String> optOutHints, Set<String> stopKeywords) {
}
