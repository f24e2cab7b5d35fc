package io.shopflow.channels.sms;

import java.util.Map;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * defaultRegion: the country assumed for numbers without a + prefix when the customer's locale names none.
 * optOutHints: per language, appended to every marketing SMS. stopKeywords: per language; an inbound SMS that
 * says any of them (any case, surrounding blanks ignored) unsubscribes its sender from SMS, whatever the
 * sender's language, since a reply may not be in the language the shop knows.
 */
@ConfigurationProperties("shopflow.sms")
record SmsSettings(String defaultRegion, Map<String, String> optOutHints, Map<String, Set<String>> stopKeywords) {
}
