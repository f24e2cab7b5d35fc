package io.shopflow.channels.sms;

import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * defaultRegion: the country assumed for numbers without a + prefix when the customer's locale names none.
 * optOutHints: per language, appended to every marketing SMS.
 */
@ConfigurationProperties("shopflow.sms")
record SmsSettings(String defaultRegion, Map<String, String> optOutHints) {
}
