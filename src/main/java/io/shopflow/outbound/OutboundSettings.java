package io.shopflow.outbound;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where Shopflow publishes its own events: a Kafka topic (when Kafka is configured and kafkaTopic is set) and/or
 * a webhook (url, signed with secret). With neither, nothing is recorded.
 */
@ConfigurationProperties("shopflow.outbound")
public record OutboundSettings(String kafkaTopic, Webhook webhook) {

	public record Webhook(String url, String secret) {

		boolean enabled() {
			return url != null && !url.isBlank();
		}
	}
}
