package io.shopflow.channels.whatsapp;

import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * WhatsApp through Twilio's Messages API. enabled switches the channel on; from is the WhatsApp sender (E.164,
 * sent as whatsapp:&lt;from&gt;). contentSids: the approved content template per &lt;flow&gt;/&lt;step&gt;/&lt;locale&gt;
 * (WhatsApp allows no free text to start a conversation); a step without one is not sent on WhatsApp. twilio: the
 * account, by default the SMS channel's.
 */
@ConfigurationProperties("shopflow.whatsapp")
record WhatsAppSettings(boolean enabled, String from, String statusCallbackUrl, Map<String, String> contentSids,
		String defaultLocale, Twilio twilio) {

	WhatsAppSettings {
		contentSids = contentSids == null ? Map.of() : Map.copyOf(contentSids);
		defaultLocale = defaultLocale == null ? "en" : defaultLocale;
	}

	record Twilio(String baseUrl, String accountSid, String authToken, Duration connectTimeout, Duration readTimeout) {
	}
}
