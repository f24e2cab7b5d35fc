package io.shopflow.events;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The ways Shopflow reaches a customer, and the one place their names live: the consent keys and the unsubscribe
 * channel of the events API, templates/&lt;key&gt;/, send_log.channel, segment and campaign channels, and a flow
 * step's channels. It lives in events, the lowest capability, because the events API already names channels and
 * every other capability may depend on events. What a channel does is its package's, channels.&lt;key&gt;, behind
 * messaging.MessageChannel (docs/channels.md, "Adding a channel").
 */
public enum Channel {

	EMAIL, SMS, PUSH, WHATSAPP;

	public String key() {
		return name().toLowerCase(Locale.ROOT);
	}

	public static Channel of(String key) {
		return valueOf(key.trim().toUpperCase(Locale.ROOT));
	}

	public static Optional<Channel> find(String key) {
		return key == null ? Optional.empty()
				: Arrays.stream(values()).filter(channel -> channel.key().equals(key)).findFirst();
	}

	public static List<String> keys() {
		return Arrays.stream(values()).map(Channel::key).toList();
	}
}
